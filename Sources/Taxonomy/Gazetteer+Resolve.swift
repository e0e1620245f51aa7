import Foundation

extension Gazetteer {
    /// Resolves names as written in front matter: official names (昆山市), a name with its parent
    /// (北京市朝阳区), or a code. A name shared by several regions is resolved by the other names in the list.
    public func resolve(_ names: [String]) -> RegionResolution {
        let trimmed = names.map { $0.trimmingCharacters(in: .whitespaces) }
        let candidates = trimmed.map { self.candidates(for: $0) }
        let settled = candidates.compactMap { $0.count == 1 ? $0[0] : nil }

        var result = RegionResolution()
        var taken: Set<Int> = []
        for (name, found) in zip(trimmed, candidates) {
            var chosen = found
            if found.count > 1 {
                chosen = found.filter { candidate in settled.contains { $0 != candidate && index.areRelated($0, candidate) } }
            }
            switch chosen.count {
            case 0 where found.isEmpty: result.unknown.append(name)
            case 1: if taken.insert(chosen[0]).inserted { result.regions.append(regions[chosen[0]]) }
            default: result.ambiguous.append(name)
            }
        }
        return result
    }

    /// The official name meant by a name that is not one, for "did you mean" messages: 昆山 → 昆山市,
    /// 北京朝阳区 → 朝阳区. Nil when the name is official, unknown, or could mean several regions.
    public func suggestion(for name: String) -> String? {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard index.byName[name] == nil else { return nil }
        if let candidates = index.detector.shortForms[name], candidates.count == 1 {
            return regions[candidates[0]].name
        }
        let found = candidates(for: name)
        return found.count == 1 ? regions[found[0]].name : nil
    }

    /// Positions of the regions a single front-matter name may mean.
    private func candidates(for name: String) -> [Int] {
        if name.count == 12, name.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return index.byCode[name].map { [$0] } ?? []
        }
        if let exact = index.byName[name] { return exact }
        // 北京市朝阳区, 江苏省苏州市昆山市, 北京朝阳区: an official name or short form, then a descendant's name.
        var found: [Int] = []
        var prefix = ""
        for (offset, character) in name.enumerated() where offset < name.count - 1 {
            prefix.append(character)
            guard let ancestors = index.byName[prefix] ?? (prefix.count >= 2 ? index.detector.shortForms[prefix] : nil) else { continue }
            let rest = String(name.dropFirst(offset + 1))
            for candidate in candidates(for: rest) where ancestors.contains(where: { index.isAncestor($0, of: candidate) }) {
                if !found.contains(candidate) { found.append(candidate) }
            }
        }
        return found
    }
}
