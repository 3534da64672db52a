import Foundation
import Synchronization

/// Removes the temporary file of a replacement in progress when the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP), then ends the process by that same signal, so that a shell still sees "interrupted".
///
/// The handler is a plain `sigaction` handler doing only async-signal-safe work: it reads a path kept in memory
/// allocated beforehand and an atomic state, unlinks, and re-raises. The state makes the rename that publishes the
/// temporary file and the removal exclusive: either the rename happened and nothing is removed, or the file is
/// removed and no rename follows. A signal ignored when the process started (`nohup`, a background job of a
/// non-interactive shell) stays ignored. kill -9 cannot be caught: what it leaves is a `.name.UUID.tmp` file beside
/// the draft, never a damaged draft.
enum InterruptCleanup {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// No temporary file.
    private static let idle = 0
    /// A temporary file exists at ``path``.
    private static let pending = 1
    /// A signal handler is removing it.
    private static let removing = 2
    /// The writer is renaming or removing it.
    private static let publishing = 3

    private static let state = Atomic<Int>(0)
    /// Held from creating a temporary file to renaming or removing it: the handler knows one path, so one
    /// replacement is in progress per process at a time (two at once made the second wait forever for the first's
    /// state).
    private static let replacement = Mutex(())
    /// The temporary file's path, NUL-terminated, in memory allocated once so that the handler only reads it.
    nonisolated(unsafe) private static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    private static let installed = Mutex(false)

    /// Installs the handlers (once per process); the writer calls it before creating a temporary file.
    static func listen() {
        installed.withLock { installed in
            guard !installed else { return }
            installed = true
            // Touch the statics here, never first inside the handler, where lazy initialization is not safe.
            _ = state.load(ordering: .relaxed)
            path[0] = 0
            for signalNumber in signals {
                var previous = sigaction()
                sigaction(signalNumber, nil, &previous)
                if unsafeBitCast(previous.__sigaction_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { signalNumber in InterruptCleanup.interrupted(by: signalNumber) }
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                sigaction(signalNumber, &action, nil)
            }
        }
    }

    /// Runs `body`, which creates, registers and then publishes or discards one temporary file, while no other
    /// thread of the process does.
    static func oneReplacementAtATime<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> sending Result {
        try replacement.withLock { _ throws(Failure) -> sending Result in try body() }
    }

    /// Remembers `temporary` as the file to remove if the process is interrupted, before it is created.
    static func register(_ temporary: String) {
        temporary.withCString { characters in
            strncpy(path, characters, Int(PATH_MAX))
            path[Int(PATH_MAX)] = 0
        }
        state.store(pending, ordering: .sequentiallyConsistent)
    }

    /// Renames the registered temporary file over `target` and forgets it; returns `rename`'s errno, or 0.
    static func publish(_ temporary: String, as target: String) -> Int32 {
        exclusively { rename(temporary, target) == 0 ? 0 : errno }
    }

    /// Removes the temporary file (the write failed or was refused) and forgets it.
    static func discard(_ temporary: String) {
        _ = exclusively { unlink(temporary) }
    }

    /// Runs `body` unless a handler is already removing the file, with the signals blocked on this thread so that
    /// no handler can interrupt it here; a handler on another thread waits for it to finish.
    private static func exclusively(_ body: () -> Int32) -> Int32 {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signalNumber in signals { sigaddset(&blocked, signalNumber) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let (exchanged, found) = state.compareExchange(expected: pending, desired: publishing, ordering: .sequentiallyConsistent)
        // Nothing registered (a rename that failed is cleaned up after it): no handler can touch the file.
        if !exchanged && found == idle { return body() }
        // A handler is removing the file and is about to end the process.
        guard exchanged else { while true { pause() } }
        let result = body()
        state.store(idle, ordering: .sequentiallyConsistent)
        return result
    }

    private static func interrupted(by signalNumber: Int32) {
        if state.compareExchange(expected: pending, desired: removing, ordering: .sequentiallyConsistent).exchanged {
            unlink(path)
        } else {
            // The writer is renaming or removing the file itself: let it finish, then end.
            while state.load(ordering: .sequentiallyConsistent) == publishing { sched_yield() }
        }
        signal(signalNumber, SIG_DFL)
        // Delivered when the handler returns (the signal is blocked while its handler runs): the process ends.
        raise(signalNumber)
    }
}
