import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The file of recent successes, so that checking a draft again minutes later costs no request.
///
/// Entries are keyed by URL under a ``VerdictFingerprint`` of the settings. Only successes are stored (errors are checked again). Writing holds an advisory lock on a `.lock` file
/// beside the cache, re-reads the file, merges (the newer entry for a URL wins, expired ones go) and replaces
/// the file by renaming a temporary one, so two runs at once lose nothing and a reader never sees half a file.
struct LinkResultCache {
    /// One cached success.
    struct Entry: Codable, Equatable {
        /// Seconds since 1970 when the URL was checked.
        var checkedAt: Double
        /// The final status code.
        var statusCode: Int
        /// The redirects followed, empty when none.
        var redirects: [RedirectHop]

        var status: LinkStatus {
            redirects.isEmpty ? .ok(statusCode: statusCode) : .redirected(chain: redirects, finalStatusCode: statusCode)
        }
    }

    private struct FileContents: Codable {
        var version: Int
        var entries: [String: Entry]
    }

    private static let formatVersion = 1

    let file: URL
    let timeToLive: TimeInterval

    /// The unexpired entries, and the notice to give when the file was unreadable.
    func load(now: Date) -> (entries: [String: Entry], notice: LinkCheckNotice?) {
        switch read() {
        case .success(let entries): return (fresh(entries, now: now), nil)
        case .failure(let problem): return ([:], .cacheIgnored(path: file.path, reason: problem.reason))
        }
    }

    /// Merges `newEntries` into the file; returns a notice when the file could not be written.
    func store(_ newEntries: [String: Entry], now: Date) -> LinkCheckNotice? {
        guard !newEntries.isEmpty else { return nil }
        do {
            // The file lists every URL the user checked: only its owner may read it, or enter its folder.
            // Two runs may create the folder at once; when it truly cannot be made, opening the lock file says why.
            let folder = file.deletingLastPathComponent()
            try? FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let lock = open(file.path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            guard lock >= 0 else { return .cacheNotWritten(path: file.path, reason: String(cString: strerror(errno))) }
            defer { close(lock) }
            flock(lock, LOCK_EX)
            defer { flock(lock, LOCK_UN) }
            // What another run wrote meanwhile is kept; a corrupt file is replaced.
            // The clock is read again under the lock: another run may have stored entries checked after `now`,
            // which a filter against `now` would take for entries from the future and drop.
            var merged = fresh((try? read().get()) ?? [:], now: max(now, Date()))
            for (url, entry) in newEntries where (merged[url]?.checkedAt ?? -.infinity) <= entry.checkedAt {
                merged[url] = entry
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(FileContents(version: Self.formatVersion, entries: merged))
            let temporary = file.deletingLastPathComponent()
                .appendingPathComponent(".\(file.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
            // Created readable and writable by its owner only, and new, so that no other file is written through.
            let descriptor = open(temporary.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return .cacheNotWritten(path: file.path, reason: String(cString: strerror(errno))) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.close()
            guard rename(temporary.path, file.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                return .cacheNotWritten(path: file.path, reason: reason)
            }
            return nil
        } catch {
            return .cacheNotWritten(path: file.path, reason: error.localizedDescription)
        }
    }

    /// Why the file could not be used.
    private struct Unreadable: Error {
        var reason: String
    }

    private func read() -> Result<[String: Entry], Unreadable> {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            // A missing file is the normal first run, not a problem worth a warning.
            return .success([:])
        }
        guard let contents = try? JSONDecoder().decode(FileContents.self, from: data) else {
            return .failure(Unreadable(reason: "it is not a link cache file (corrupt or from another program)"))
        }
        guard contents.version == Self.formatVersion else {
            return .failure(Unreadable(reason: "it has format version \(contents.version), expected \(Self.formatVersion)"))
        }
        return .success(contents.entries)
    }

    private func fresh(_ entries: [String: Entry], now: Date) -> [String: Entry] {
        let now = now.timeIntervalSince1970
        return entries.filter { $0.value.checkedAt <= now && now - $0.value.checkedAt < timeToLive }
    }
}
