/// A failure that stops a build at once: the file system refused, or a template is broken.
/// Problems in content are `Diagnostics` instead, collected and reported together.
public struct SiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The build step that failed, e.g. `render pages`.
    public var step: String
    public var path: String
    public var message: String

    public init(step: String = "", path: String, message: String) {
        self.step = step
        self.path = path
        self.message = message
    }

    public var description: String {
        let prefix = step.isEmpty ? "" : "[\(step)] "
        return "\(path): error: \(prefix)\(message)"
    }
}
