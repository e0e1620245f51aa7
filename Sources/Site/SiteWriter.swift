import Content
import Foundation

/// Writes the new site into a staging folder beside `public/` and swaps it in only when the
/// whole build succeeded, so a failed build leaves the previous `public/` complete.
public struct SiteWriter: Sendable {
    /// The folder the site ends up in (`public/`).
    public let destination: URL
    /// The staging folder pages are written into during the build.
    public let staging: URL

    /// Creates an empty staging folder (`.public-building-XXXXXXXX`) next to `destination`.
    public init(destination: URL) throws(SiteError) {
        self.destination = destination
        let parent = destination.deletingLastPathComponent()
        let name = ".\(destination.lastPathComponent)-building-\(Self.randomSuffix())"
        staging = parent.appendingPathComponent(name, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteError(path: staging.path, message: "cannot create the staging folder: \(error.localizedDescription)")
        }
    }

    /// Writes one file under the staging folder, creating its folders.
    public func write(_ contents: String, to path: String) throws(SiteError) {
        try write(Data(contents.utf8), to: path)
    }

    public func write(_ data: Data, to path: String) throws(SiteError) {
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputFile.write(data, to: url.path)
        } catch {
            throw SiteError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Copies a folder's files (sorted, dotfiles skipped) to a path under the staging folder.
    public func copyFolder(_ source: URL, to path: String) throws(SiteError) {
        let base = source.standardizedFileURL.path
        guard let files = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] else { return }
        for file in files.sorted() where !file.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + file, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: base + "/" + file) else {
                throw SiteError(path: base + "/" + file, message: "cannot read")
            }
            try write(data, to: path + "/" + file)
        }
    }

    /// Puts the staged site in place: old `public/` renamed away, new one renamed in, old deleted.
    /// `public/.gitkeep` is carried over.
    public func publish() throws(SiteError) {
        let manager = FileManager.default
        let keep = destination.appendingPathComponent(".gitkeep")
        if manager.fileExists(atPath: keep.path) {
            try write(manager.contents(atPath: keep.path) ?? Data(), to: ".gitkeep")
        }
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent)-old-\(Self.randomSuffix())", isDirectory: true)
        do {
            if manager.fileExists(atPath: destination.path) {
                try manager.moveItem(at: destination, to: old)
            }
            try manager.moveItem(at: staging, to: destination)
        } catch {
            // Put the old site back if it was moved away and the new one could not take its place.
            if !manager.fileExists(atPath: destination.path), manager.fileExists(atPath: old.path) {
                try? manager.moveItem(at: old, to: destination)
            }
            throw SiteError(path: destination.path, message: "cannot put the new site in place: \(error.localizedDescription)")
        }
        try? manager.removeItem(at: old)
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private static func randomSuffix() -> String {
        String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }
}
