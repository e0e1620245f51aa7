import Foundation

/// Every term's postings while the index is built: per term, its id gaps and counts as varints
/// in a buffer of its own (`malloc`/`realloc`, doubling), its last report and its count, and
/// the entries that also have field occurrences.
///
/// Indexing appends tens of millions of entries, one or two bytes each, in report order. As a
/// Swift array per term, each append checked that the array was uniquely referenced and had
/// room, reading the array's header (another cache miss) and calling into the runtime; here an
/// append is a store and an increment. The store is a class owning its buffers; the writer
/// copies it before changing it when it is shared (`copy()`), so the writer stays a value.
final class PostingsStore: @unchecked Sendable {
    struct Term {
        var bytes: UnsafeMutablePointer<UInt8>?
        var count: Int32 = 0
        var capacity: Int32 = 0
        var lastDocument: Int32 = -1
        var documentFrequency: Int32 = 0
    }

    private(set) var terms: [Term] = []
    /// Each term's entries that have field occurrences: (entry index, occurrence), in order.
    private(set) var fields: [[(entry: Int32, occurrence: FieldOccurrence)]] = []

    init() {}

    deinit {
        for term in terms { free(term.bytes) }
    }

    var count: Int { terms.count }

    /// A new term with no entries; its index.
    func addTerm() -> Int {
        terms.append(Term())
        fields.append([])
        return terms.count - 1
    }

    /// The terms' states, to append to with `append(doc:frequency:to:)`.
    func withTerms<R>(_ body: (UnsafeMutableBufferPointer<Term>) -> R) -> R {
        terms.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Notes that entry `entry` of `term` also has field occurrences (entries in order).
    func addField(term: Int, entry: Int32, occurrence: FieldOccurrence) {
        fields[term].append((entry, occurrence))
    }

    /// Appends an entry; returns its index in the term's list.
    @inline(__always)
    static func append(doc: Int, frequency: UInt32, to term: inout Term) -> Int32 {
        let gap = doc - Int(term.lastDocument)
        if term.capacity - term.count < 20 { grow(&term) }
        let bytes = term.bytes!
        var count = Int(term.count)
        if gap < 0x80 && frequency < 0x80 {
            // The usual case, one byte each.
            bytes[count] = UInt8(gap)
            bytes[count + 1] = UInt8(frequency)
            count += 2
        } else {
            varint(UInt64(gap), into: bytes, at: &count)
            varint(UInt64(frequency), into: bytes, at: &count)
        }
        term.count = Int32(count)
        term.lastDocument = Int32(doc)
        term.documentFrequency += 1
        return term.documentFrequency - 1
    }

    private static func varint(_ value: UInt64, into bytes: UnsafeMutablePointer<UInt8>, at count: inout Int) {
        var v = value
        while v >= 0x80 {
            bytes[count] = UInt8(v & 0x7F) | 0x80
            count += 1
            v >>= 7
        }
        bytes[count] = UInt8(v)
        count += 1
    }

    /// Room for at least two more varints of 64 bits (20 bytes).
    private static func grow(_ term: inout Term) {
        let capacity = max(32, Int(term.capacity) * 2)
        guard capacity <= Int(Int32.max), let grown = realloc(term.bytes, capacity) else {
            fatalError("out of memory for the search index's postings")
        }
        term.bytes = grown.assumingMemoryBound(to: UInt8.self)
        term.capacity = Int32(capacity)
    }

    /// A term's varints, valid while the store lives and is not changed.
    func bytes(of term: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: terms[term].bytes, count: Int(terms[term].count))
    }

    func documentFrequency(of term: Int) -> Int { Int(terms[term].documentFrequency) }

    /// A store with the same contents and buffers of its own.
    func copy() -> PostingsStore {
        let copy = PostingsStore()
        copy.fields = fields
        copy.terms = terms.map { term in
            var term = term
            if let bytes = term.bytes {
                let own = malloc(Int(term.capacity))!.assumingMemoryBound(to: UInt8.self)
                own.update(from: bytes, count: Int(term.count))
                term.bytes = own
            }
            return term
        }
        return copy
    }
}
