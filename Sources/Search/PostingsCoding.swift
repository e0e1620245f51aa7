/// One term's postings as the index stores them: bits (`BitWriter`), report ids ascending.
///
///     4 bits k            Exp-Golomb order of the id gaps
///     df × EG_k(gap − 1)  gap: id − previous id (the first from −1)
///     5 bits m            the levels' median
///     3 bits k′           order of the levels' differences from it
///     df × EG_k′(zigzag(level − m))   the term's weight in the report (`SearchFormat.impactLevel`)
///     EG_0(e)             how many entries have the term in the title, then for each:
///       EG_0(entry gap)   its entry index (the first absolute, then the gap − 1)
///       EG_0(title length), EG_0(positions − 1), EG_0(first position), EG_0(gap − 1)…
///
/// The level folds the counts in the text, title, tags, regions and headings and the report's
/// length into one small number, so a query needs no length norms; title positions stay, for
/// telling a title that contains the query.
enum PostingsCoding {
    static let maxIdOrder = 15
    static let maxCountOrder = 7

    /// A term's postings while the index is built: id gaps and counts as varints, fields aside.
    struct Builder: Sendable {
        var bytes: [UInt8] = []
        var lastDocument = -1
        var documentFrequency = 0
        var fields: [(entry: Int32, occurrence: FieldOccurrence)] = []

        mutating func append(doc: Int, frequency: UInt32, field: FieldOccurrence?) {
            let gap = doc - lastDocument
            if gap < 0x80 && frequency < 0x80 {
                // The usual case, one byte each.
                bytes.append(UInt8(gap))
                bytes.append(UInt8(frequency))
            } else {
                varint(UInt64(gap))
                varint(UInt64(frequency))
            }
            if let field { fields.append((Int32(documentFrequency), field)) }
            lastDocument = doc
            documentFrequency += 1
        }

        private mutating func varint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        /// The bits (`PostingsCoding.encoded`).
        func encoded(lengths: [Int], averageLength: Double) -> [UInt8] {
            bytes.withUnsafeBufferPointer { bytes in
                PostingsCoding.encoded(varints: bytes, documentFrequency: documentFrequency, fields: fields,
                                       norms: PostingsCoding.norms(lengths: lengths, averageLength: averageLength))
            }
        }
    }

    /// A term's bits from its varints (id gaps and counts, `Builder` and `PostingsStore`), with
    /// each entry's level worked out from its counts, its fields and its report's length norm
    /// (`norms[doc]`, `norms(lengths:averageLength:)`).
    static func encoded(varints bytes: UnsafeBufferPointer<UInt8>, documentFrequency: Int,
                        fields: [(entry: Int32, occurrence: FieldOccurrence)], norms: [Double]) -> [UInt8] {
        // One pass over the entries into two arrays made at their final size (a list holds
        // millions of entries; appending checked each array's uniqueness and room every time).
        let weight = Self.weight
        var levels: [Int] = []
        let gaps = [Int](unsafeUninitializedCapacity: documentFrequency) { gaps, entries in
            levels = [Int](unsafeUninitializedCapacity: documentFrequency) { levels, levelCount in
                norms.withUnsafeBufferPointer { norms in
                    var offset = 0
                    var nextField = 0
                    var doc = -1
                    let end = bytes.count
                    while entries < documentFrequency, offset < end {
                        // Most varints are one byte.
                        var gap = Int(bytes[offset])
                        var count = offset + 1 < end ? Int(bytes[offset + 1]) : 0x80
                        if gap < 0x80 && count < 0x80 {
                            offset += 2
                        } else {
                            guard let long = ByteReader.varint(in: bytes, at: &offset),
                                  let longCount = ByteReader.varint(in: bytes, at: &offset) else { break }
                            gap = long
                            count = longCount
                        }
                        doc += gap
                        // `level(frequency:field:norm:)`, with the weights read once.
                        var weighted = weight.text * Double(count) / norms[doc]
                        if nextField < fields.count, fields[nextField].entry == Int32(entries) {
                            Self.add(fields[nextField].occurrence, to: &weighted, weight: weight)
                            nextField += 1
                        }
                        gaps[entries] = gap
                        levels[entries] = SearchFormat.impactLevel(weighted: weighted)
                        entries += 1
                    }
                }
                levelCount = entries
            }
        }
        let titles = fields.filter { !$0.occurrence.titlePositions.isEmpty }.map {
            TitleEntry(entry: Int($0.entry), length: Int($0.occurrence.titleLength), positions: $0.occurrence.titlePositions.map(Int.init))
        }
        return PostingsCoding.encode(gaps: gaps, levels: levels, titles: titles)
    }

    /// Each report's BM25 length norm: its length (`lengths[doc]`, in normalised scalars)
    /// against the corpus's average. Worked out once per report, not once per term it has.
    static func norms(lengths: [Int], averageLength: Double) -> [Double] {
        lengths.map { norm(length: $0, averageLength: averageLength) }
    }

    static func norm(length: Int, averageLength: Double) -> Double {
        1 - SearchFormat.b + SearchFormat.b * Double(length) / max(1, averageLength)
    }

    /// A posting whose term is in the report's title: its entry index, the title's length and where.
    struct TitleEntry: Sendable, Equatable {
        var entry: Int
        var length: Int
        var positions: [Int]
    }

    /// The bits of a list: id gaps (id − previous id, the first from −1), levels, title entries
    /// in entry order. A full build and a patched index both write lists through here.
    static func encode(gaps: [Int], levels: [Int], titles: [TitleEntry]) -> [UInt8] {
        let idOrder = BitWriter.bestOrder(for: gaps, minus: 1, maxK: PostingsCoding.maxIdOrder)
        var histogram = [Int](repeating: 0, count: SearchFormat.impactLevels)
        for level in levels { histogram[level] += 1 }
        var median = 0
        var below = histogram[0]
        while below <= levels.count / 2 && median < SearchFormat.impactLevels - 1 {
            median += 1
            below += histogram[median]
        }
        let differences = levels.map { PostingsCoding.zigzag($0 - median) }
        let levelOrder = BitWriter.bestOrder(for: differences, minus: 0, maxK: PostingsCoding.maxCountOrder)
        var writer = BitWriter(capacity: gaps.count * 2)
        writer.write(UInt32(idOrder), bits: 4)
        for gap in gaps { writer.expGolomb(gap - 1, k: idOrder) }
        writer.write(UInt32(median), bits: 5)
        writer.write(UInt32(levelOrder), bits: 3)
        for difference in differences { writer.expGolomb(difference, k: levelOrder) }
        writer.expGolomb(titles.count, k: 0)
        var previous = -1
        for title in titles {
            writer.expGolomb(title.entry - previous - 1, k: 0)
            previous = title.entry
            writer.expGolomb(title.length, k: 0)
            writer.expGolomb(title.positions.count - 1, k: 0)
            var last = -1
            for position in title.positions {
                writer.expGolomb(position - last - 1, k: 0)
                last = position
            }
        }
        return writer.finish()
    }

    /// 0, −1, 1, −2, 2, … → 0, 1, 2, 3, 4, …
    static func zigzag(_ value: Int) -> Int { value >= 0 ? 2 * value : -2 * value - 1 }
    static func unzigzag(_ value: Int) -> Int { value % 2 == 0 ? value / 2 : -(value + 1) / 2 }

    /// BM25F: the field counts weighted, the text's count normalised by the report's length.
    static func level(frequency: Int, field: FieldOccurrence?, length: Int, averageLength: Double) -> Int {
        level(frequency: frequency, field: field, norm: norm(length: length, averageLength: averageLength))
    }

    @inline(__always)
    static func level(frequency: Int, field: FieldOccurrence?, norm: Double) -> Int {
        var weighted = weight.text * Double(frequency) / norm
        if let field { add(field, to: &weighted, weight: weight) }
        return SearchFormat.impactLevel(weighted: weighted)
    }

    /// The field counts' part of `level`, added to the text's in this order.
    @inline(__always)
    private static func add(_ field: FieldOccurrence, to weighted: inout Double, weight: Weights) {
        weighted += weight.title * Double(field.titlePositions.count)
        weighted += weight.tags * Double(field.tags)
        weighted += weight.regions * Double(field.regions)
        weighted += weight.headings * Double(field.headings)
    }

    typealias Weights = (text: Double, title: Double, tags: Double, regions: Double, headings: Double)

    private static let weight: Weights = {
        let weights = Dictionary(uniqueKeysWithValues: SearchFormat.weights.map { ($0.field, $0.weight) })
        return (weights["text", default: 0], weights["title", default: 0], weights["tags", default: 0],
                weights["regions", default: 0], weights["headings", default: 0])
    }()

    /// A term's postings as a query uses them.
    struct Postings: Sendable {
        var documents: [Int32]
        var levels: [Int32]
        /// Entry index → where the term is in the title.
        var titles: [Int: Title]

        /// The entry of report `doc`, found by binary search.
        func entry(of doc: Int) -> Int? {
            var low = 0
            var high = documents.count - 1
            let target = Int32(doc)
            while low <= high {
                let middle = (low + high) / 2
                let value = documents[middle]
                if value == target { return middle }
                if value < target { low = middle + 1 } else { high = middle - 1 }
            }
            return nil
        }
    }

    struct Title: Sendable, Equatable {
        /// The title's length in normalised scalars.
        var length: Int
        var positions: [Int]
    }

    /// Nil when the bits do not hold `documentFrequency` entries.
    static func decode(_ bytes: [UInt8], documentFrequency df: Int) -> Postings? {
        var reader = BitReader(bytes)
        guard let idOrder = reader.read(bits: 4) else { return nil }
        var documents = [Int32](repeating: 0, count: df)
        var doc = -1
        for index in 0..<df {
            guard let gap = reader.expGolomb(k: Int(idOrder)) else { return nil }
            doc += gap + 1
            documents[index] = Int32(doc)
        }
        guard let median = reader.read(bits: 5), let levelOrder = reader.read(bits: 3) else { return nil }
        var levels = [Int32](repeating: 0, count: df)
        for index in 0..<df {
            guard let difference = reader.expGolomb(k: Int(levelOrder)) else { return nil }
            let level = Int(median) + unzigzag(difference)
            guard (0..<SearchFormat.impactLevels).contains(level) else { return nil }
            levels[index] = Int32(level)
        }
        guard let titleCount = reader.expGolomb(k: 0), titleCount <= df else { return nil }
        var titles: [Int: Title] = [:]
        var entry = -1
        for _ in 0..<titleCount {
            guard let gap = reader.expGolomb(k: 0), let length = reader.expGolomb(k: 0),
                  let count = reader.expGolomb(k: 0), count < 4096 else { return nil }
            entry += gap + 1
            var positions: [Int] = []
            var position = -1
            for _ in 0...count {
                guard let step = reader.expGolomb(k: 0) else { return nil }
                position += step + 1
                positions.append(position)
            }
            titles[entry] = Title(length: length, positions: positions)
        }
        guard entry < df else { return nil }
        return Postings(documents: documents, levels: levels, titles: titles)
    }

    /// Report ids ascending (facet lists): the order, then the gaps.
    static func encodeIDs(_ ids: [Int]) -> [UInt8] {
        var previous = -1
        let gaps = ids.map { id -> Int in defer { previous = id }; return id - previous - 1 }
        let order = BitWriter.bestOrder(for: gaps, minus: 0, maxK: maxIdOrder)
        var writer = BitWriter()
        writer.write(UInt32(order), bits: 4)
        writer.expGolomb(ids.count, k: 0)
        for gap in gaps { writer.expGolomb(gap, k: order) }
        return writer.finish()
    }

    static func decodeIDs(_ bytes: [UInt8]) -> [Int]? {
        var reader = BitReader(bytes)
        guard let order = reader.read(bits: 4), let count = reader.expGolomb(k: 0) else { return nil }
        var ids: [Int] = []
        var previous = -1
        for _ in 0..<count {
            guard let gap = reader.expGolomb(k: Int(order)) else { return nil }
            previous += gap + 1
            ids.append(previous)
        }
        return ids
    }
}
