/// The words, names and symbols drafts are made of: invented product names and plain English, with the emoji
/// (intact and as Mac OS Roman mojibake), curly quotes, accents and CJK that real exports carry.
enum DraftVocabulary {
    static let words = [
        "the", "a", "tool", "that", "helps", "small", "teams", "ship", "faster", "with", "fewer", "meetings", "and",
        "new", "model", "for", "writing", "notes", "data", "open", "source", "release", "this", "week", "pricing",
        "is", "now", "free", "on", "every", "plan", "launch", "agents", "workflow", "your", "inbox", "in", "minutes",
        "beta", "update", "teams", "search", "cloud", "local", "private", "benchmark", "editor", "readers", "it",
        "builds", "apps", "from", "prompts", "video", "voice", "design", "API", "startup", "raised", "funding",
    ]
    /// Words that are not ASCII, mixed into prose about one word in eight.
    static let richWords = [
        "it’s", "don’t", "Ben’s", "“new”", "—", "café", "naïve", "Zürich", "São Paulo", "€49", "£10", "…", "🤌", "👋",
        "🎉", "✅", "❤️", "👍🏽", "👩‍💻", "🇯🇵", "1️⃣", "東京", "数据集", "人工智能", "서울", "Привет", "‚≠êÔ∏è", "can't",
    ]
    /// Section emoji as written, and as they arrive misread through Mac OS Roman (often with the Apple logo).
    static let sectionEmoji = ["🛠️", "📰", "🎓", "🔥", "💡", "🎯", "🧰", "📚", "⭐️", "🤌", "\u{F8FF}ü§å", "üß∞", "\u{F8FF}üî•", "‚≠êÔ∏è", "\u{F8FF}üì∞"]
    static let sectionTitles = [
        "Cool Tools", "Top Stories", "Quick Hits", "Learn", "Unclassifieds", "Trending", "Funding Roundup",
        "Ben’s Picks", "Editor's Notes", "Research Corner", "Deep Dive", "Community", "Jobs Board", "Podcasts",
    ]
    static let taglines = [
        "Product launches, updates and demos", "What moved this week, in one line each", "Papers worth your evening",
        "From our readers, for our readers", "Money in, money out", "Guides you can finish over coffee",
        "Small things that save hours", "Heard around the community",
    ]
    static let productStems = ["Flux", "Nimbus", "Quill", "Orbit", "Lumen", "Pylon", "Vesta", "Cobalt", "Tandem", "Mosaic", "Kite", "Ember"]
    static let productSuffixes = ["AI", "ly", "Hub", "Kit", "Labs", "", "OS", "Flow"]
    static let whatItIs = [
        "an AI note taker for meetings", "a browser agent that books travel", "an open model for code review",
        "a privacy-first analytics tool", "a voice clone for podcasts", "a spreadsheet that writes SQL",
        "a prompt library for marketers", "a design tool that exports React",
    ]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let firstNames = ["Ada", "Rowan", "Mika", "Jonas", "Priya", "Tomás", "Yuki", "Leila"]
    static let lastNames = ["Quill", "Harbor", "Lindqvist", "Okafor", "Moreau", "Tanaka", "Reyes", "Novak"]
    static let merges = ["{{rp_refer_url}}", "{{email}}", "{{subscriber_id}}", "{{first_name | friend}}"]
    static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    static let hex = Array("0123456789abcdef")
}
