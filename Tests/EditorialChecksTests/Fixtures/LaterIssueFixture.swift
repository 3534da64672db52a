/// A later beehiiv issue: no author block, a row of links separated by `|`, the issue number line, a two-space
/// hard break, a `******`-deep heading, a fenced code block and a mangled apostrophe. Our own text.
enum LaterIssueFixture {
    static let text = #"""
    # Daily Digest #350: Quiet Week

    ### PLUS: a reader’s setup

    [Subscribe](https://digest.beehiiv.com/subscribe) | [Archive](https://digest.beehiiv.com/archive) | [Sponsor](https://digest.beehiiv.com/sponsor)

    Daily Digest #349

    Morning all,  
    short one today.

    ## **🧰 Cool Tools**

    - Quillpad - **a pad for quills**. ([link](https://quillpad.app))
    - Sockets - **see the code below**.

    ```
    curl https://api.acme.dev/v1?key=TODO
    a**b**c
    ```

    ## **Ben‚Äôs Picks**

    Read [the post](https://blog.acme.dev/post) and [the other post](https://blog.acme.dev/post).

    ## **👋 See ya**

    Reply to this email. [Unsubscribe](%%unsubscribe%%)

    """#
}
