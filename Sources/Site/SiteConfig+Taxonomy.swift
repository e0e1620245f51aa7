import Content
import Foundation
import Taxonomy

extension SiteConfig {
    /// The names in `taxonomy.homeTopics` and `taxonomy.homeRegions` that the vocabulary or the
    /// gazetteer do not know, each at its line in site.yml with the nearest valid name.
    public func taxonomyProblems(vocabulary: TopicVocabulary, gazetteer: Gazetteer, path: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for topic in taxonomy.homeTopics where vocabulary.topic(named: topic.name) == nil {
            let hint = vocabulary.suggestion(for: topic.name).map { "; did you mean `\($0)`?" } ?? ""
            problems.append(.error(
                "`taxonomy.homeTopics`: `\(topic.name)` is not a topic of content/taxonomy/topics.yml\(hint)",
                path: path, line: topic.line, column: topic.column))
        }
        let resolution = gazetteer.resolve(taxonomy.homeRegions.map(\.name))
        for region in taxonomy.homeRegions {
            let name = region.name.trimmingCharacters(in: .whitespaces)
            if resolution.unknown.contains(name) {
                let hint = gazetteer.suggestion(for: name).map { "; did you mean `\($0)`?" } ?? ""
                problems.append(.error(
                    "`taxonomy.homeRegions`: `\(name)` is not a region of content/taxonomy/regions.csv\(hint)",
                    path: path, line: region.line, column: region.column))
            } else if resolution.ambiguous.contains(name) {
                problems.append(.error(
                    "`taxonomy.homeRegions`: `\(name)` names several regions; add its province or city (e.g. 北京市朝阳区)",
                    path: path, line: region.line, column: region.column))
            }
        }
        return problems
    }
}
