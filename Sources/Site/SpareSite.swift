#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The site before the previous one, kept in `.policykb/spare-<id>` after a small rebuild so
/// that the next small rebuild starts from it instead of from an empty folder.
///
/// A small rebuild's staging folder must end up holding every file of the site, most of them
/// the previous site's. Linking each of them into an empty folder, and removing the old site
/// after the swap, is most of what such a build costs (two system calls for each of a large
/// site's files). The site the swap replaces is the previous site but for the files the build
/// wrote and removed; kept, and brought up to date with those few files the next time, it is
/// the next build's staging folder at the cost of the changes alone. Its other files are hard
/// links to the published ones, so it takes the room of the files that build wrote; files are
/// only ever replaced in it, never written through (`OutputFile.write`).
///
/// It is kept only after a build that left the site's pages where they were and wrote few files
/// (a report's body changed, a template that few pages use), and it is used only by a build of
/// that kind, whose build cache names it. A build killed while using it leaves it as a staging
/// leftover, removed by the next build; the cache is written after it is in place, so a cache
/// never names a spare site other than the one made with it.
public struct SpareSite: Sendable, Equatable {
    /// Names the folder: a build uses the spare site its cache names, and removes any other.
    public var id: UInt64
    /// Paths under `public/` of the files the build that left it wrote, sorted.
    public var written: [String]
    /// And of those it removed (in the spare site, not in the site it published).
    public var removed: [String]

    public init(id: UInt64, written: [String], removed: [String]) {
        self.id = id
        self.written = written
        self.removed = removed
    }

    static let prefix = "spare-"

    /// Whether `path` names a file under the site's folder: a cache naming any other (damaged,
    /// or written by hand) is not trusted, since a build removes and links the files it names.
    static func isInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// The spare site's folder under the site's root.
    static func folder(root: URL, id: UInt64) -> String {
        root.path + "/.policykb/" + prefix + String(id, radix: 16)
    }

    /// A build that writes more than a quarter of the site's files leaves no spare site: it
    /// would hold old copies of all of them, and the next build would link almost as many.
    static func worthKeeping(written: Int, files: Int) -> Bool {
        written <= files / 4
    }

    /// Removes every spare site under `root` but `keeping`'s (what killed or superseded builds left).
    static func removeOthers(root: URL, keeping: UInt64?) {
        let folder = root.path + "/.policykb"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let kept = keeping.map { prefix + String($0, radix: 16) }
        for name in names where name.hasPrefix(prefix) && name != kept {
            FolderRemover.remove(folder + "/" + name)
        }
    }
}
