//! Work on several threads with the results in input order: the threads of
//! `extract --jsonl --jobs N`. The library has no thread pool; a command
//! line that wants one brings its own, and this is all it needs.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::sync::mpsc;
use std::thread;

/// Runs `work` on every item that `next` gives (until it gives `None`), on
/// `threads` threads, and hands each result to `done` in the order of the
/// items.
///
/// The calling thread reads the items and hands over the results; the
/// items read but not yet handed over are never more than `in_flight`, so
/// that memory stays bounded however long the input (a slow item holds the
/// others back rather than letting them pile up). The first error of
/// `done` stops the reading and is returned once the threads have
/// finished the items they hold. A panic in `work` is raised again on the
/// calling thread.
pub fn map_in_order<I, O, E>(
    threads: usize,
    in_flight: usize,
    mut next: impl FnMut() -> Option<I>,
    work: impl Fn(I) -> O + Sync,
    mut done: impl FnMut(O) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send,
    O: Send,
{
    assert!(threads >= 1 && in_flight >= 1);
    let (item_sender, items) = mpsc::channel::<(usize, I)>();
    // The threads take turns at the one receiver: an item is a batch of
    // documents, so the lock is taken a few thousand times a second at most.
    let items = Mutex::new(items);
    let (result_sender, results) = mpsc::channel::<(usize, thread::Result<O>)>();
    let (work, items) = (&work, &items);
    thread::scope(|scope| {
        for _ in 0..threads {
            let result_sender = result_sender.clone();
            scope.spawn(move || {
                // Ends when the sender is dropped (all read, or `done`
                // failed) or when nobody waits for results any more.
                while let Ok((index, item)) = take(items) {
                    let result = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                    if result_sender.send((index, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(result_sender);
        // Dropped on return, which ends the threads' loops.
        let item_sender = item_sender;
        // `waiting[k]` is the result of item `handed_over + k`, once it is in.
        let mut waiting: VecDeque<Option<thread::Result<O>>> = VecDeque::new();
        let (mut read, mut handed_over, mut more) = (0, 0, true);
        loop {
            while more && read - handed_over < in_flight {
                match next() {
                    Some(item) => {
                        item_sender.send((read, item)).expect("the threads wait for items");
                        waiting.push_back(None);
                        read += 1;
                    }
                    None => more = false,
                }
            }
            if handed_over == read {
                return Ok(());
            }
            let (index, result) = results.recv().expect("the threads hold items");
            waiting[index - handed_over] = Some(result);
            while let Some(Some(_)) = waiting.front() {
                match waiting.pop_front().flatten().expect("an item's result") {
                    Ok(output) => done(output)?,
                    Err(panicked) => panic::resume_unwind(panicked),
                }
                handed_over += 1;
            }
        }
    })
}

/// The next item for a thread, or an error when there will be no more.
fn take<I>(items: &Mutex<mpsc::Receiver<I>>) -> Result<I, mpsc::RecvError> {
    // No thread panics while holding the lock (`recv` does not), so it is
    // never poisoned; take it anyway if it were.
    let items = items.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    items.recv()
}
