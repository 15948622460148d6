//! The threads of `extract --jobs` (`examples/extract/in_order.rs`): every
//! result handed over once, in the order of the items, with no more than
//! `in_flight` items between reading and handing over; the first error
//! stops the reading; a panic reaches the caller.

#[path = "../examples/extract/in_order.rs"]
mod in_order;

use std::cell::Cell;
use std::time::Duration;

/// Items whose work takes longer for some, so that later items finish
/// first and have to wait their turn.
fn slow_for_some(item: usize) -> usize {
    if item % 7 == 0 {
        std::thread::sleep(Duration::from_millis(2));
    }
    item * 10
}

#[test]
fn results_come_in_order_with_bounded_items_in_flight() {
    for (threads, in_flight) in [(1, 1), (2, 1), (2, 6), (4, 3), (8, 32)] {
        let (read, handed_over) = (Cell::new(0), Cell::new(0));
        let mut seen = Vec::new();
        let next = || {
            let item = read.get();
            assert!(item - handed_over.get() < in_flight, "more than {in_flight} in flight");
            read.set(item + 1);
            (item < 200).then_some(item)
        };
        let done = |result: usize| {
            seen.push(result);
            handed_over.set(handed_over.get() + 1);
            Ok::<(), ()>(())
        };
        in_order::map_in_order(threads, in_flight, next, slow_for_some, done).unwrap();
        assert_eq!(seen, (0..200).map(|i| i * 10).collect::<Vec<_>>(), "{threads} threads");
    }
}

#[test]
fn the_first_error_stops_the_reading() {
    let read = Cell::new(0);
    let next = || {
        read.set(read.get() + 1);
        Some(read.get())
    };
    let done = |result: usize| if result == 50 { Err("stop") } else { Ok(()) };
    assert_eq!(in_order::map_in_order(2, 4, next, |i| i, done), Err("stop"));
    assert!(read.get() <= 50 + 4, "read {} items", read.get());
}

#[test]
#[should_panic(expected = "item 13")]
fn a_panic_reaches_the_caller() {
    let mut items = 0..100;
    let work = |item: usize| {
        assert_ne!(item, 13, "item 13");
        item
    };
    let _ = in_order::map_in_order(2, 4, || items.next(), work, |_| Ok::<(), ()>(()));
}
