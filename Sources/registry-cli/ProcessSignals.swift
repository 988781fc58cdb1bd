import Dispatch
import Foundation
import Registry

/// How the process meets signals.
enum ProcessSignals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// A file-size limit (`ulimit -f`) makes writes fail, reported like a full disk, instead of
    /// killing the process. Ctrl-C, SIGTERM and SIGHUP remove the command's unfinished files,
    /// then end it as the signal would: an open transaction is never committed, so the database
    /// stays as it was.
    static func prepare() {
        signal(SIGXFSZ, SIG_IGN)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                WorkFiles.removeAll()
                signal(number, SIG_DFL)
                // To the process, not this thread: dispatch's threads block signals.
                kill(getpid(), number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
