import Content
import Foundation

/// JSON written for a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 are escaped, so no
/// string in the index (a title, a body) can close the script or start markup.
enum ScriptJSON {
    static func string(_ text: String) -> String {
        Escape.jsonString(text, forScript: true)
    }

    static func array(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ",") + "]"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A whole index file: `PKB.load("key", json);`.
    static func script(key: String, json: String) -> String {
        "PKB.load(" + string(key) + "," + json + ");\n"
    }

    /// Reads back the JSON of a file written by `script(key:json:)`.
    static func payload(of script: String) -> Any? {
        guard let open = script.firstIndex(of: ","), let close = script.range(of: ");", options: .backwards) else {
            return nil
        }
        let json = script[script.index(after: open)..<close.lowerBound]
        return try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }
}
