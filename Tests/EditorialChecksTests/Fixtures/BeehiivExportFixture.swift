/// A draft modelled on a beehiiv post exported to Markdown: every idiom of the format, Mac OS Roman
/// emoji in eleven headings (two with the Apple logo stripped), and three placeholder links. Our own text.
enum BeehiivExportFixture {
    static let text = #"""
# Daily Digest: The Tools Issue

### PLUS: why we stopped using spreadsheets

![Author](https://media.beehiiv.com/cdn-cgi/image/fit=scale-down,format=auto,onerror=redirect,quality=80/uploads/user/profile_picture/4f1c/ada.jpg)

[Ada Quill](https://www.beehiiv.com/@adaquill)\
January 03, 2023

Hey friends, welcome back üëã to the digest.

Today we look at an API**with** a twist, and why teams refrain from**spending** on tools.

## **üì∞ Top Stories**

- Acme raised a round - **the biggest this year**. ([<u>link</u>](https://news.acme.dev/round?utm_source=digest\&utm_medium=email))
- A new editor ships - **fast and small**. ([<u>link</u>](https://flight.beehiiv.net/v2/clicks/eyJhbGciOiJIUzI1NiJ9.a1b2c3))

### **üß∞ Cool Tools**

- Ledgerly - **a shared ledger for small teams**. ([<u>link</u>](https://ledgerly.app/?utm_source=digest\&utm_medium=email))
- Tabbit - **tabs that sync**. ([<u>link</u>](htps://tabbit.app))
- Notepath - **notes with links**. ([read more](http://notepath.app/start))

## **ü§å Ben‚Äôs Picks**

Read about it with[a link](https://blog.acme.dev/picks), or see the manifesto at <https://acme.dev/manifesto>.

![](https://media.beehiiv.com/uploads/asset/file/123/chart.png)

## **üî• REAL** REVIEWS

Two readers wrote in about the ledger. ([<u>link</u>](https://ledgerly.app/?utm_source=digest\&utm_medium=email))

###### **üì£ Announcements**

We are hiring an editor.

## <mark>**üí° Quick Tip**</mark>

Press the key twice‚≠êÔ∏è to pin a note.

### **üìö Reading List**

### **üéôÔ∏è Podcast Corner**

This week: <small>an interview</small> with <font color="#cc0000">the makers</font> of Tabbit.

## **üéØ Deep **Dive****

Why small tools win.

## **üó≥Ô∏è Poll**

||
|:---|
|### How was today's email?|
|- [Loved it](https://digest.beehiiv.com/poll/1?answer=great)|
|- [It was fine](https://digest.beehiiv.com/poll/1?answer=fine)|

## **üëã See ya**

Thanks for reading. <button>Share</button>

[Share the digest](https://digest.beehiiv.com/subscribe?ref=PLACEHOLDER)

[Refer a friend]({{rp_refer_url}})

[Manage your subscription](https://digest.beehiiv.com/manage?email={{email}}\&id={{subscriber_id}})

Hi {{first_name | friend}}, see you tomorrow.

"""#

    /// The house configuration the fixture is checked with.
    static let configuration = """
        required_sections:
          sections:
            - Top Stories
            - Cool Tools
            - title: Ben's Picks
              aliases: [Our Picks]
            - Jobs Board
            - title: See ya
        """
}
