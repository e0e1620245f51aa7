extension TopicVocabulary {
    /// The topics a report is about, most relevant first (weighted counts; title and headings weigh
    /// more; body counts per 1,000 characters). With no `headings`, sentences of the body that start
    /// 一、 二、 … count as headings. Deterministic; one automaton pass per text.
    public func tags(title: String, headings: [String], body: String) -> [String] {
        index.tagger.tags(title: title, headings: headings, body: body)
    }

    /// Every topic with a positive score, highest first: what `tags` chooses from, for tuning and debugging.
    public func scores(title: String, headings: [String], body: String) -> [TopicScore] {
        index.tagger.scores(title: title, headings: headings, body: body)
    }
}
