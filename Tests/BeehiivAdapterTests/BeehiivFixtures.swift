/// Drafts in the shape beehiiv exports take after HTML-to-Markdown conversion, written for these tests.
enum BeehiivFixtures {
    /// A full issue in canonical layout: every idiom of the format appears once.
    static let canonical = """
        # Daily Digest: What's new in tiny tools?

        ### PLUS: a reader poll and three links you missed

        ![Author](https://media.beehiiv.com/cdn-cgi/image/fit=scale-down,format=auto/uploads/user/profile_picture/abc123/avatar.jpg)

        [Ada Writer](https://dailydigest.example/authors/ada-writer)\\
        January 03, 2023

        Hey {{first_name | friend}}, welcome back 👋 Here is what we found this week.

        ### **🤌 Cool Tools**

        - Pipewrench - **a shell for APIs**. ([<u>link</u>](https://flight.beehiiv.net/v2/clicks/eyJhbGciOi?utm_source=dailydigest\\&utm_medium=newsletter))
        - 🧰 [Boxcar](https://boxcar.example/?ref=PLACEHOLDER) - an API**with**no docs, from**spending** less.
        - Quillpad - notes with[a link](https://quillpad.example/start) inside.

        ## **🔥 REAL** REVIEWS

        We read the docs at https://docs.example/guide/(v2)/intro. Then www.tinytools.example/list, too!

        ### **📰 News**
        ### ****🎯 Focus Time****

        ![](https://media.beehiiv.com/uploads/asset/file/focus.png)

        Type `curl https://not.a.link/` or read <https://focus.example/how-to>.

        ```
        https://inside.code.block/nope
        ```

        ###### **📎 Small Print**

        <small>Terms at [the terms page][terms].</small>

        [terms]: https://dailydigest.example/terms "Terms"

        ### <mark>**💡 Idea of the Day**</mark>

        <font color="red">Ship it.</font> <button>Reply</button>

        ### **\u{F8FF}ü§å Ben's Picks**

        ||
        |:---|
        | ### How was today's email? |
        | - [Loved it](https://dailydigest.example/poll?answer=1) |

        ## **👋 See ya**

        [Share](https://dailydigest.example/subscribe?ref={{rp_refer_url}}) with a friend, {{email}}.

        """
}

extension BeehiivFixtures {
    /// A later issue: no author block; a row of links and the issue number open the preamble.
    static let laterIssue = """
        # Daily Digest #349: Small tools, big week

        ### PLUS: why your inbox is quieter

        [Website](https://dailydigest.example) | [Archive](https://dailydigest.example/archive) | [Sponsor us](https://dailydigest.example/sponsor)

        Daily Digest #349

        Good morning! ☕

        ## **📬 Inbox Zero**

        Read it at https://inbox.example/zero.

        ### **⭐️ Star Pick**

        """

    /// Two trailing spaces as the hard break, CRLF line endings and a byte order mark.
    static let crlfWithTwoSpaceBreak = "\u{FEFF}# Spring Notes\r\n\r\n![Author](https://media.beehiiv.com/uploads/user/profile_picture/b.jpg)\r\n\r\n"
        + "[Ben Reader](https://dailydigest.example/authors/ben)  \r\nFebruary 14, 2024\r\n\r\nHello 🌸 [friends](https://f.example)\r\n\r\n"
        + "### **✅ Done**\r\n### **‚≠êÔ∏è Next**\r\n"
}
