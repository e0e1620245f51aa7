import Foundation

/// A value a template can print or open a section on: what `{{x}}` and `{{#x}}` see.
///
/// Contexts are built once per page as plain Swift values (`TemplateValue(_:)` takes strings,
/// numbers, booleans, arrays and `[String: Any]` dictionaries) and then rendered without any
/// further casting.
public indirect enum TemplateValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    /// Text already rendered, as UTF-8 bytes (a page's `content`); escaped by `{{x}}` like any text.
    case html([UInt8])

    /// Converts what page renderers build: `String`, `Int`, `Bool`, `Double`, arrays, `[String: Any]`,
    /// and values that are already `TemplateValue` or `TemplateObject`. Nil for anything else.
    public init?(_ any: Any) {
        // The types page contexts hold, told apart by their exact type: a cast like `as [Any]`
        // would first copy a typed array element by element into existentials.
        switch ObjectIdentifier(Swift.type(of: any)) {
        case Self.stringType: self = .string(any as! String); return
        case Self.objectType: self = .object(TemplateObject(any as! [String: Any])); return
        case Self.objectListType: self = .list((any as! [[String: Any]]).map { .object(TemplateObject($0)) }); return
        case Self.valuesType: self = .object(TemplateObject(any as! [String: TemplateValue])); return
        case Self.valuesListType: self = .list((any as! [[String: TemplateValue]]).map { .object(TemplateObject($0)) }); return
        case Self.templateObjectType: self = .object(any as! TemplateObject); return
        case Self.templateObjectListType: self = .list((any as! [TemplateObject]).map { .object($0) }); return
        case Self.stringListType: self = .list((any as! [String]).map { .string($0) }); return
        case Self.valueType: self = any as! TemplateValue; return
        case Self.valueListType: self = .list(any as! [TemplateValue]); return
        case Self.intType: self = .int(any as! Int); return
        case Self.boolType: self = .bool(any as! Bool); return
        case Self.stringsType: self = .object(TemplateObject((any as! [String: String]).mapValues { .string($0) })); return
        case Self.stringsListType:
            self = .list((any as! [[String: String]]).map { .object(TemplateObject($0.mapValues { .string($0) })) })
            return
        default: break
        }
        // Swift values first: asking a dictionary whether it is a class makes the runtime bridge it.
        switch any {
        case let string as String: self = .string(string)
        case let dictionary as [String: Any]: self = .object(TemplateObject(dictionary))
        case let array as [Any]: self = .list(array.compactMap(TemplateValue.init))
        case let int as Int: self = .int(int)
        case let bool as Bool: self = .bool(bool)
        case let value as TemplateValue: self = value
        case let object as TemplateObject: self = .object(object)
        case let double as Double: self = .string(String(describing: double))
        case let substring as Substring: self = .string(String(substring))
        default: return nil
        }
    }

    private static let stringType = ObjectIdentifier(String.self)
    private static let objectType = ObjectIdentifier([String: Any].self)
    private static let objectListType = ObjectIdentifier([[String: Any]].self)
    private static let templateObjectListType = ObjectIdentifier([TemplateObject].self)
    private static let stringListType = ObjectIdentifier([String].self)
    private static let templateObjectType = ObjectIdentifier(TemplateObject.self)
    private static let valuesType = ObjectIdentifier([String: TemplateValue].self)
    private static let valuesListType = ObjectIdentifier([[String: TemplateValue]].self)
    private static let valueType = ObjectIdentifier(TemplateValue.self)
    private static let valueListType = ObjectIdentifier([TemplateValue].self)
    private static let intType = ObjectIdentifier(Int.self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let stringsType = ObjectIdentifier([String: String].self)
    private static let stringsListType = ObjectIdentifier([[String: String]].self)

    /// The text `{{x}}` prints (before escaping).
    var text: String {
        switch self {
        case .string(let string): return string
        case .int(let int): return String(int)
        case .bool(let bool): return bool ? "true" : "false"
        case .list(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .object: return ""
        case .html(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// A dictionary of template values. An object can remember what a partial rendered for it
/// (`memoizable`), so that a report listed on hundreds of pages has its list item rendered once;
/// the renderer only reuses that when the partial looked up nothing outside the object.
public final class TemplateObject: @unchecked Sendable {
    public let values: [String: TemplateValue]
    /// What partials rendered for it, when it is memoizable: most objects (a page's links, its
    /// tags) are made, rendered once and dropped, and a lock each cost more than their values.
    private let memos: Memos?
    var memoizable: Bool { memos != nil }

    public init(_ values: [String: TemplateValue], memoizable: Bool = false) {
        self.values = values
        memos = memoizable ? Memos() : nil
    }

    private final class Memos: @unchecked Sendable {
        let lock = NSLock()
        var rendered: [String: [UInt8]] = [:]
    }

    public convenience init(_ dictionary: [String: Any], memoizable: Bool = false) {
        var values: [String: TemplateValue] = [:]
        values.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            if let converted = TemplateValue(value) { values[key] = converted }
        }
        self.init(values, memoizable: memoizable)
    }

    subscript(name: String) -> TemplateValue? { values[name] }

    func memo(_ key: String) -> [UInt8]? {
        guard let memos else { return nil }
        memos.lock.lock()
        defer { memos.lock.unlock() }
        return memos.rendered[key]
    }

    func remember(_ key: String, _ output: [UInt8]) {
        guard let memos else { return }
        memos.lock.lock()
        defer { memos.lock.unlock() }
        memos.rendered[key] = output
    }
}
