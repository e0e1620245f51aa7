/// A problem found in a user's file, printed the way a compiler prints one:
/// `path:line:column: error: message`. Lines and columns count from 1 in the user's file.
public struct Diagnostic: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var path: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, path: String, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .error, message: message)
    }

    public static func warning(_ message: String, path: String, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .warning, message: message)
    }

    public var description: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Several diagnostics thrown together, so that one run reports every problem it found.
public struct Diagnostics: Error, Equatable, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic]) {
        self.items = items
    }

    public var description: String {
        items.map(\.description).joined(separator: "\n")
    }
}
