import Content
import Testing
@testable import Taxonomy

/// `topics.yml` as shipped, and the diagnostics a user gets for a broken one.
@Suite struct TopicVocabularyTests {
    let vocabulary = Fixtures.vocabulary

    // MARK: - The shipped vocabulary

    @Test func shippedVocabularyCoversTheField() {
        #expect(vocabulary.topics.count >= 24)
        let required = ["新质生产力", "营商环境", "招商引资", "科技创新", "人才", "乡村振兴", "县域经济", "镇域经济", "产业升级",
                        "数字化转型", "绿色发展", "要素保障", "城乡融合", "开发区与园区", "项目建设", "金融服务", "党建引领", "民生",
                        "对外开放", "改革"]
        let names = Set(vocabulary.topics.map(\.name))
        #expect(required.filter { !names.contains($0) } == [])
    }

    @Test func everyTopicHasADescriptionKeywordsAndAKnownParent() {
        for topic in vocabulary.topics {
            #expect(!topic.description.isEmpty, "\(topic.name) has no description")
            #expect(!topic.description.contains("\n"), "\(topic.name): description must be one line")
            #expect(topic.keywords.count >= 5, "\(topic.name) has too few keywords to be found in reports")
            if let parent = topic.parent {
                #expect(vocabulary.topic(named: parent) != nil, "\(topic.name) has unknown parent \(parent)")
            }
        }
    }

    @Test func slugsAreUniqueAndASCII() {
        let slugs = vocabulary.topics.map(\.slug)
        #expect(Set(slugs).count == slugs.count)
        #expect(slugs.allSatisfy(Slug.isValid))
        #expect(vocabulary.topic(named: "营商环境")?.slug == Slug.make("营商环境"))
    }

    @Test func topicsAreFoundByNameOrAlias() {
        #expect(vocabulary.topic(named: "招商引资")?.name == "招商引资")
        #expect(vocabulary.topic(named: "招商")?.name == "招商引资")
        #expect(vocabulary.topic(named: "营商生态")?.name == "营商环境")
        #expect(vocabulary.topic(named: "放管服") == nil, "a keyword is not a name")
    }

    @Test func pathRunsFromTheRootTopic() throws {
        let town = try #require(vocabulary.topic(named: "镇域经济"))
        #expect(vocabulary.path(of: town).map(\.name) == ["县域经济", "镇域经济"])
        let county = try #require(vocabulary.topic(named: "县域经济"))
        #expect(vocabulary.children(of: county).map(\.name).contains("镇域经济"))
    }

    // MARK: - Suggestions

    @Test(arguments: [
        ("营商坏境", "营商环境"),  // one wrong character
        ("招商", "招商引资"),  // an alias
        ("放管服", "营商环境"),  // a keyword
        ("乡村振兴战略", "乡村振兴"),  // contains the name
        ("新质生产", "新质生产力"),  // contained in the name
        ("科技创兴", "科技创新"),
    ])
    func suggestsTheClosestTopic(unknown: String, expected: String) {
        #expect(vocabulary.suggestion(for: unknown) == expected)
    }

    @Test(arguments: ["天气预报", "足球", "", "x"])
    func suggestsNothingWhenNothingIsClose(unknown: String) {
        #expect(vocabulary.suggestion(for: unknown) == nil)
    }

    // MARK: - Diagnostics

    func diagnostics(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try TopicVocabulary(yaml: yaml, path: "topics.yml")
            return []
        } catch {
            return error.items
        }
    }

    @Test func aMinimalFileParses() throws {
        let vocabulary = try TopicVocabulary(yaml: """
            - name: 营商环境
              description: 政务服务
              aliases: [营商生态]
              keywords: [放管服]
            - name: 人才
              parent: 营商环境
            """, path: "topics.yml")
        #expect(vocabulary.topics.map(\.name) == ["营商环境", "人才"])
        #expect(vocabulary.topics[0].aliases == ["营商生态"])
        #expect(vocabulary.topics[1].parent == "营商环境")
        #expect(vocabulary.topics[1].keywords == [])
    }

    @Test func aMappingAtTheTopIsNotAList() {
        let found = diagnostics("name: 营商环境\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("must be a list") == true)
    }

    @Test func aTopicWithoutNameIsReportedAtItsLine() {
        let found = diagnostics("""
            - name: 营商环境
            - description: 没有名字
              keywords: [招商]
            """)
        #expect(found.map(\.line) == [2])
        #expect(found.first?.message.contains("no `name`") == true)
    }

    @Test func anEmptyNameIsReported() {
        let found = diagnostics("""
            - name:
              keywords: [招商]
            - name: ""
            """)
        #expect(found.map(\.line) == [1, 3])
        #expect(found.allSatisfy { $0.message.contains("`name` is empty") })
    }

    @Test func aDuplicateNameOrAliasPointsToTheFirstUse() {
        let found = diagnostics("""
            - name: 营商环境
              aliases: [营商生态]
            - name: 招商引资
              aliases: [营商生态]
            - name: 营商环境
            """)
        #expect(found.map(\.line) == [3, 5])
        #expect(found.allSatisfy { $0.message.contains("already used by topic `营商环境` on line 1") })
    }

    @Test func anUnknownParentSuggestsTheClosestTopic() {
        let found = diagnostics("""
            - name: 县域经济
            - name: 镇域经济
              parent: 县域经机
            """)
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 11)
        #expect(found.first?.message.contains("did you mean `县域经济`") == true)
    }

    @Test func aParentCycleIsReportedOnce() {
        let found = diagnostics("""
            - name: 甲
              parent: 乙
            - name: 乙
              parent: 丙
            - name: 丙
              parent: 甲
            - name: 丁
              parent: 甲
            """)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("parent cycle 甲 → 乙 → 丙 → 甲") == true)
        #expect(found.first?.line == 2)
    }

    @Test func wrongTypesAndUnknownKeysSayWhatToWrite() {
        let found = diagnostics("""
            - name: 营商环境
              keywords: 放管服
              aliases:
                key: value
              keyword: [惠企]
              parent: [改革]
            """)
        #expect(found.map(\.line) == [2, 4, 5, 6])
        #expect(found[0].message.contains("`keywords` must be a list"))
        #expect(found[2].message.contains("unknown key `keyword`"))
        #expect(found[3].message.contains("`parent` must be a single text value"))
    }

    @Test func aYAMLSyntaxErrorKeepsItsLocation() {
        let found = diagnostics("""
            - name: 营商环境
              keywords: [放管服, 一网通办
            - name: 人才
            """)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("invalid YAML") == true)
        #expect(found.first?.line != nil)
    }

    @Test func everyProblemIsReportedInOneRun() {
        let found = diagnostics("""
            - name: 甲
              parent: 不存在
            - 乙
            - name: 甲
            """)
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.path == "topics.yml" && $0.line != nil })
    }
}
