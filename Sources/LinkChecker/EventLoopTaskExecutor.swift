internal import NIOCore
internal import NIOPosix

/// Runs a task's jobs on one of the event loops that AsyncHTTPClient's connections use.
///
/// A worker that prefers the event loop it sends its requests from resumes, when an answer comes in, on the
/// thread that read it, instead of waking a thread of Swift's cooperative pool for every response: on a small
/// machine those hand-overs add up to milliseconds per round of requests. AsyncHTTPClient prefers the current
/// event loop for a request made from one, so a worker's requests mostly stay on its loop's connections.
/// The workers never block, so they share a loop fairly with its channels.
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    private init(_ loop: any EventLoop) { self.loop = loop }

    /// One executor per event loop of the group the checker's HTTP clients run on.
    static let shared: [EventLoopTaskExecutor] = MultiThreadedEventLoopGroup.singleton.makeIterator().map(EventLoopTaskExecutor.init)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
