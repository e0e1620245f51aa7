#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What `stat` says of a file, for telling without reading it that it did not change since the
/// last build: its size, inode and the modification and change times (a write moves `ctime`,
/// which no program can set back). Like git's index, a stamp is trusted only for a file that
/// was last modified well before the build that recorded it began: a file changed within the
/// file system's timestamp tick of being read could otherwise keep its stamp.
struct FileStamp: Sendable, Equatable {
    var size: Int
    var inode: UInt64
    var device: UInt64
    var modified: Int
    var changed: Int

    /// The stamp of the file at `path` (of a link's target: reports may be links to files
    /// elsewhere), or nil when it cannot be read.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(
            size: Int(info.st_size), inode: UInt64(info.st_ino), device: UInt64(info.st_dev),
            modified: nanoseconds(info.st_mtim), changed: nanoseconds(info.st_ctim))
    }

    /// Nanoseconds since 1970 by the real-time clock, the clock file times are set from.
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    /// True when this stamp is `recorded`'s and the file was last modified or changed at least
    /// `margin` before `since` (when the build that recorded it started reading reports).
    func vouches(for recorded: FileStamp?, since: Int, margin: Int = 2_000_000_000) -> Bool {
        guard let recorded, recorded == self else { return false }
        return max(modified, changed) < since - margin
    }

    private static func nanoseconds(_ time: timespec) -> Int {
        Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }
}
