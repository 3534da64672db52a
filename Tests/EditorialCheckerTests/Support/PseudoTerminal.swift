import Foundation

/// A pseudo-terminal, so that a child process sees a terminal on its standard output (isatty is true) while the
/// test reads what it wrote.
final class PseudoTerminal {
    private let primary: Int32
    /// The terminal end, to give to the child as its standard output.
    let terminal: FileHandle

    /// The POSIX pseudo-terminal calls, looked up at run time: Swift's Glibc module leaves out the X/Open part of
    /// `stdlib.h` that declares them.
    private enum Calls {
        typealias Open = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

        static func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
            guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, name) else { return nil }
            return unsafeBitCast(symbol, to: type)
        }
    }

    init?() {
        guard let openPrimary = Calls.lookUp("posix_openpt", as: Calls.Open.self),
              let grant = Calls.lookUp("grantpt", as: Calls.Open.self),
              let unlock = Calls.lookUp("unlockpt", as: Calls.Open.self),
              let name = Calls.lookUp("ptsname", as: Calls.Name.self)
        else { return nil }
        primary = openPrimary(O_RDWR | O_NOCTTY)
        guard primary >= 0 else { return nil }
        guard grant(primary) == 0, unlock(primary) == 0, let name = name(primary) else {
            close(primary)
            return nil
        }
        let descriptor = open(name, O_RDWR | O_NOCTTY)
        guard descriptor >= 0 else {
            close(primary)
            return nil
        }
        terminal = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    deinit {
        close(primary)
    }

    /// Everything written so far; call after the child has exited and the terminal end is closed. The terminal
    /// turns each newline into CR LF.
    func readAll() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(primary, &buffer, buffer.count)
            // Linux answers EIO, not end of file, once no terminal end is open.
            guard count > 0 else { return data }
            data.append(contentsOf: buffer[..<count])
        }
    }
}
