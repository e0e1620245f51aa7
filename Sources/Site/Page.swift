/// One finished page: where it goes in `public/` and its bytes. Written and dropped at once.
public struct Page: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, contents: String) {
        self.init(path: path, bytes: Array(contents.utf8))
    }

    /// The page as text.
    public var contents: String { String(decoding: bytes, as: UTF8.self) }
}
