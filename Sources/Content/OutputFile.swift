#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes generated files with plain POSIX calls: Foundation's `Data.write` costs about a
/// millisecond a file on Linux, which a site of 100,000 pages cannot afford.
public enum OutputFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var code: Int32

        public init(path: String, code: Int32) {
            self.path = path
            self.code = code
        }

        public var description: String {
            "\(path): error: cannot write the file: \(String(cString: strerror(code)))"
        }
    }

    /// Writes `bytes` to `path`, replacing a file that is there by a new one: a file there may
    /// be a hard link to the previous site's, which must not change. Not atomic: for files in a
    /// folder that is itself swapped into place when complete.
    public static func write<Bytes: Collection>(_ bytes: Bytes, to path: String) throws where Bytes.Element == UInt8 {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST {
            // Replaced, never written through.
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw WriteError(path: path, code: errno) }
        defer { close(fd) }
        let result: Int? = bytes.withContiguousStorageIfAvailable { buffer in
            writeAll(fd, buffer.baseAddress, buffer.count)
        }
        let failure = result ?? Array(bytes).withUnsafeBufferPointer { writeAll(fd, $0.baseAddress, $0.count) }
        if failure != 0 { throw WriteError(path: path, code: Int32(failure)) }
    }

    public static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write($0, to: path) }
    }

    /// A whole file's bytes with plain POSIX calls; nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Makes `path` the same file as `existing` (a hard link), or a copy of it where links
    /// cannot be made (another file system); false when `existing` cannot be read. A file
    /// linked so must never be written to (that would change `existing` too), only replaced.
    public static func link(_ existing: String, to path: String) -> Bool {
        if Glibc.link(existing, path) == 0 { return true }
        switch errno {
        case ENOENT, ENOTDIR:
            return false
        case EEXIST:
            unlink(path)
            if Glibc.link(existing, path) == 0 { return true }
        default:
            break
        }
        guard let data = FileManager.default.contents(atPath: existing) else { return false }
        unlink(path)
        return (try? write(data, to: path)) != nil
    }

    /// 0, or the errno of the write that failed.
    private static func writeAll(_ fd: Int32, _ start: UnsafePointer<UInt8>?, _ count: Int) -> Int {
        guard var pointer = start else { return 0 }
        var remaining = count
        while remaining > 0 {
            let written = Glibc.write(fd, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return Int(errno)
            }
            remaining -= written
            pointer += written
        }
        return 0
    }
}
