import Content
import Foundation

/// Makes the index of a site in which a few reports' texts changed from the index of the
/// previous build, instead of from every report: only the shards holding a term of an old or a
/// new text are decoded and written again; every other file is linked from the old index. The
/// result is byte for byte the index a full build writes (the tests compare them).
///
/// The caller makes sure the reports, their order, and the changed reports' facets (tags,
/// regions, genre, year) are as in the previous build, and has written the changed reports'
/// `d/` files. When the change moves the average length or the number of shards, or a file of
/// the old index is missing, no patch is possible and `apply` returns nil; the caller then
/// removes what it wrote and writes the whole index.
public struct SearchIndexPatch: Sendable {
    public let old: URL
    public let new: URL
    public let state: SearchIndexState
    /// How many postings lists the last `apply` decoded (the tests check that an edit decodes few).
    public private(set) var decodedLists = 0
    /// The new index's folder already holds the old index (a copy of it in the site the build
    /// started from): files that changed are replaced and files that went are removed there,
    /// the rest is left as it is. Else the rest is linked from `old`.
    public var inPlace = false
    /// The files (paths under the index's folder) the last `apply` wrote, and those of the old
    /// index it left out: lists that had a file of their own and no longer do.
    public private(set) var written: [String] = []
    public private(set) var dropped: [String] = []

    public init(old: URL, new: URL, state: SearchIndexState) {
        self.old = old
        self.new = new
        self.state = state
    }

    /// One posting of a term being rewritten.
    private struct Posting: Sendable {
        var doc: Int
        var level: Int
        var title: (length: Int, positions: [Int])?

        func sameEntry(as other: Posting) -> Bool {
            doc == other.doc && level == other.level && title?.length == other.title?.length
                && title?.positions == other.title?.positions
        }
    }

    /// A report's entry in the list of each term of its text, by the term's name in the index.
    private static func postings(of document: IndexedDocument, average: Double) -> [String: Posting] {
        var fields: [Int32: FieldOccurrence] = [:]
        for field in document.fields { fields[field.term] = field }
        func posting(_ term: Int, frequency: UInt32) -> Posting {
            let field = fields[Int32(term)]
            let level = PostingsCoding.level(frequency: Int(frequency), field: field, length: document.textLength, averageLength: average)
            let title = field.flatMap { $0.titlePositions.isEmpty ? nil : (Int($0.titleLength), $0.titlePositions.map(Int.init)) }
            return Posting(doc: document.id, level: level, title: title)
        }
        var postings: [String: Posting] = [:]
        postings.reserveCapacity(document.keys.count + document.words.count)
        for (index, key) in document.keys.enumerated() {
            postings[TermScanner.name(of: key)] = posting(index, frequency: document.keyFrequencies[index])
        }
        for (index, word) in document.words.enumerated() {
            postings[SearchToken.wordPrefix + word] = posting(document.keys.count + index, frequency: document.wordFrequencies[index])
        }
        return postings
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The patched index's state, or nil when only a full build can make it.
    ///
    /// `previousHeadings` holds the headings' fingerprint (`IndexedDocument.headingsHash`) that
    /// the previous build indexed for a changed report. Where it equals the new one, the report's
    /// previous entries are worked out from the old index's copy of its text, and only the lists
    /// whose entry for it differs are decoded; for the others every list holding a term of its
    /// old or new text is.
    public mutating func apply(_ changed: [IndexedDocument], previousHeadings: [Int: UInt64] = [:]) throws -> SearchIndexState? {
        let reader = try SearchIndexReader(directory: old)
        guard reader.meta.documents == state.documents, reader.meta.shards == state.shards else { return nil }
        let changedIDs = Set(changed.map(\.id))
        guard changedIDs.count == changed.count, changed.allSatisfy({ (0..<state.documents).contains($0.id) }) else { return nil }

        // The old texts, from the old index's own copy of each text.
        var oldDocuments: [Int: IndexedDocument] = [:]
        var touched: Set<String> = []
        var total = state.totalTextLength
        for document in changed {
            let stored = try reader.document(document.id)
            let body = try reader.wholeBody(of: stored)
            if previousHeadings[document.id] == document.headingsHash {
                let previous = IndexedDocument(SearchDocument(
                    url: stored.url, title: stored.title, tags: stored.tags, regions: stored.regions,
                    headings: document.headings, body: body), id: document.id, withFiles: false)
                total += document.textLength - previous.textLength
                oldDocuments[document.id] = previous
                continue
            }
            var values = NormalizedValues.values(of: stored.title)
            values.append(0x0A)
            NormalizedValues.append(body, to: &values)
            total += document.textLength - values.count
            TermScanner.scan(values) { key, _ in
                touched.insert(TermScanner.name(of: key))
            } word: { word, _ in
                touched.insert(SearchToken.wordPrefix + word)
            }
        }
        let oldAverage = SearchFormat.averageLength(total: state.totalTextLength, documents: state.documents)
        let average = SearchFormat.averageLength(total: total, documents: state.documents)
        guard average == oldAverage else { return nil }

        // The new texts' postings; a list is touched where a report's entry in it changes.
        var added: [String: [Posting]] = [:]
        for document in changed.sorted(by: { $0.id < $1.id }) {
            let postings = Self.postings(of: document, average: average)
            for (name, posting) in postings { added[name, default: []].append(posting) }
            guard let previous = oldDocuments[document.id] else {
                touched.formUnion(postings.keys)
                continue
            }
            let before = Self.postings(of: previous, average: average)
            for (name, posting) in postings where !(before[name].map { $0.sameEntry(as: posting) } ?? false) {
                touched.insert(name)
            }
            for name in before.keys where postings[name] == nil { touched.insert(name) }
        }

        var byShard: [Int: [String]] = [:]
        for name in touched { byShard[SearchFormat.shard(of: name, shards: state.shards), default: []].append(name) }
        let shardIndexes = byShard.keys.sorted()
        let shardTerms = byShard
        let changedSorted = changedIDs.sorted()
        let addedPostings = added
        let patch = self
        let rewritten = Parallel.map(shardIndexes) { index -> Result<(files: [(key: String, json: String)], delta: Int, decoded: Int), Error> in
            Result { try patch.rewrite(shard: index, touched: Set(shardTerms[index]!), added: addedPostings, changed: changedSorted) }
        }
        var files: [(key: String, json: String)] = []
        var listBytes = state.listBytes
        for result in rewritten {
            let shard = try result.get()
            files += shard.files
            listBytes += shard.delta
            decodedLists += shard.decoded
        }
        guard SearchFormat.shardCount(listBytes: listBytes) == state.shards else { return nil }

        // Write what changed. The rest is the old index's: linked from it, or already in place
        // where the new index's folder started as a copy of the old one (`inPlace`).
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: new.appendingPathComponent("p"), withIntermediateDirectories: true)
        let rewrittenShards = Set(shardIndexes)
        let writtenNames = files.map { $0.key + ".js" }
        let rewrittenNames = Set(writtenNames)
        var links: [String] = inPlace ? [] : [SearchFormat.metaKey, SearchFormat.codesKey, SearchFormat.facetsKey].map { $0 + ".js" }
        var droppedNames: [String] = []
        for name in try fileManager.contentsOfDirectory(atPath: old.path + "/p").sorted() {
            guard let shard = Int(name.prefix { $0 != "-" && $0 != "." }) else { continue }
            if !rewrittenShards.contains(shard) {
                if !inPlace { links.append("p/" + name) }
            } else if !rewrittenNames.contains("p/" + name) {
                // A list that had a file of its own and now has none.
                droppedNames.append("p/" + name)
            }
        }
        if inPlace {
            for name in droppedNames { unlink(new.path + "/" + name) }
        }
        for file in files { try SearchIndexWriter.write(key: file.key, json: file.json, in: new) }
        written = writtenNames
        dropped = droppedNames
        if !inPlace {
            for folder in 0...(max(0, state.documents - 1) / 1000) {
                let path = "d/\(folder)"
                guard let names = try? fileManager.contentsOfDirectory(atPath: old.path + "/" + path) else { continue }
                for name in names {
                    guard let id = Int(name.prefix { $0 != "-" && $0 != "." }), !changedIDs.contains(id) else { continue }
                    links.append(path + "/" + name)
                }
            }
        }
        let oldPath = old.path
        let newPath = new.path
        let missing = Parallel.map(links) { link in OutputFile.link(oldPath + "/" + link, to: newPath + "/" + link) ? nil : link }
        // A file of the old index gone (removed by hand): the caller writes the whole index.
        if missing.contains(where: { $0 != nil }) { return nil }
        return SearchIndexState(documents: state.documents, totalTextLength: total, listBytes: listBytes,
                                shards: state.shards, ownFileBytes: state.ownFileBytes)
    }

    /// One shard's files after the change, and how much its lists add to the shard count's sum now.
    /// A touched list is decoded; it is written again only when a changed report's entry in it
    /// differs (a report's edit leaves most of its terms' weights as they were).
    private func rewrite(shard index: Int, touched: Set<String>, added: [String: [Posting]], changed: [Int]) throws
        -> (files: [(key: String, json: String)], delta: Int, decoded: Int)
    {
        let key = SearchFormat.shardKey(index)
        guard let json = try SearchIndexReader.load(key, in: old) as? [String: Any] else {
            throw Failure(description: "\(old.path)/\(key).js: error: cannot read the previous search index")
        }
        var entries: [SearchIndexWriter.ShardEntry] = []
        entries.reserveCapacity(json.count + touched.count)
        var delta = 0
        var decoded = 0
        let ownFileBytes = state.ownFileBytes
        func unreadable(_ name: String) -> Failure {
            Failure(description: "\(old.path)/\(key).js: error: the term `\(name)` cannot be read")
        }
        for (name, value) in json {
            guard let raw = value as? [Any], raw.count == 3, let df = raw[0] as? Int else { throw unreadable(name) }
            var base64 = raw[2] as? String
            if let file = (raw[2] as? [String: Any])?["f"] as? String {
                base64 = try SearchIndexReader.load(file, in: old) as? String
            }
            guard let base64 else { throw unreadable(name) }
            guard touched.contains(name) else {
                entries.append(.init(name: name, documentFrequency: df, base64: base64))
                continue
            }
            guard let data = Data(base64Encoded: base64),
                  let list = PostingsCoding.decode([UInt8](data), documentFrequency: df) else { throw unreadable(name) }
            decoded += 1
            let new = added[name] ?? []
            if Self.unchanged(list, new: new, changed: changed) {
                entries.append(.init(name: name, documentFrequency: df, base64: base64))
                continue
            }
            delta -= SearchFormat.listBytes(encodedCount: data.count, ownFileBytes: ownFileBytes)
            if let entry = Self.encode(name, Self.replacing(changed, in: list, with: new)) {
                delta += SearchFormat.listBytes(encodedCount: entry.count, ownFileBytes: ownFileBytes)
                entries.append(entry.entry)
            }
        }
        for name in touched where json[name] == nil {
            guard let new = added[name] else { continue }
            let lists = Lists(documents: new.map(\.doc), levels: new.map(\.level),
                              titles: new.enumerated().compactMap { entry, posting in
                                  posting.title.map { PostingsCoding.TitleEntry(entry: entry, length: $0.length, positions: $0.positions) }
                              })
            guard let entry = Self.encode(name, lists) else { continue }
            delta += SearchFormat.listBytes(encodedCount: entry.count, ownFileBytes: ownFileBytes)
            entries.append(entry.entry)
        }
        let files = SearchIndexWriter.shardFiles(index, entries: entries, documents: state.documents, ownFileBytes: ownFileBytes)
        return (files, delta, decoded)
    }

    /// A list as parallel arrays, ids ascending.
    private struct Lists {
        var documents: [Int]
        var levels: [Int]
        var titles: [PostingsCoding.TitleEntry]
    }

    /// True when every changed report has the same entry (or none) in the old list as in `new`.
    private static func unchanged(_ old: PostingsCoding.Postings, new: [Posting], changed: [Int]) -> Bool {
        var next = 0
        for doc in changed {
            let posting: Posting? = next < new.count && new[next].doc == doc ? new[next] : nil
            if posting != nil { next += 1 }
            let entry = old.entry(of: doc)
            switch (entry, posting) {
            case (nil, nil): continue
            case let (entry?, posting?):
                guard Int(old.levels[entry]) == posting.level else { return false }
                let title = old.titles[entry]
                guard title?.length == posting.title?.length, title?.positions == posting.title?.positions else { return false }
            default: return false
            }
        }
        return true
    }

    /// The old list without the changed reports' entries, with their new ones put in.
    private static func replacing(_ changed: [Int], in old: PostingsCoding.Postings, with new: [Posting]) -> Lists {
        var lists = Lists(documents: [], levels: [], titles: [])
        lists.documents.reserveCapacity(old.documents.count + new.count)
        lists.levels.reserveCapacity(old.documents.count + new.count)
        let oldTitles = old.titles.sorted { $0.key < $1.key }
        var nextTitle = 0
        var nextChanged = 0
        var nextNew = 0
        func appendNew(upTo doc: Int) {
            while nextNew < new.count && new[nextNew].doc < doc {
                let posting = new[nextNew]
                if let title = posting.title {
                    lists.titles.append(.init(entry: lists.documents.count, length: title.length, positions: title.positions))
                }
                lists.documents.append(posting.doc)
                lists.levels.append(posting.level)
                nextNew += 1
            }
        }
        for entry in old.documents.indices {
            let doc = Int(old.documents[entry])
            appendNew(upTo: doc)
            while nextChanged < changed.count && changed[nextChanged] < doc { nextChanged += 1 }
            let title: PostingsCoding.Title?
            if nextTitle < oldTitles.count && oldTitles[nextTitle].key == entry {
                title = oldTitles[nextTitle].value
                nextTitle += 1
            } else {
                title = nil
            }
            if nextChanged < changed.count && changed[nextChanged] == doc { continue }
            if let title { lists.titles.append(.init(entry: lists.documents.count, length: title.length, positions: title.positions)) }
            lists.documents.append(doc)
            lists.levels.append(Int(old.levels[entry]))
        }
        appendNew(upTo: Int.max)
        return lists
    }

    private static func encode(_ name: String, _ lists: Lists) -> (entry: SearchIndexWriter.ShardEntry, count: Int)? {
        guard !lists.documents.isEmpty else { return nil }
        var gaps: [Int] = []
        gaps.reserveCapacity(lists.documents.count)
        var previous = -1
        for doc in lists.documents {
            gaps.append(doc - previous)
            previous = doc
        }
        let bytes = PostingsCoding.encode(gaps: gaps, levels: lists.levels, titles: lists.titles)
        return (.init(name: name, documentFrequency: lists.documents.count, base64: Data(bytes).base64EncodedString()), bytes.count)
    }
}
