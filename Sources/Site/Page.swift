/// One finished page: where it goes in `public/` and its bytes. Written and dropped at once.
public struct Page: Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
