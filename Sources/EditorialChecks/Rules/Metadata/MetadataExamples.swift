/// Drafts shared by the metadata rules' examples.
enum MetadataExamples {
    /// A beehiiv export whose header block has every field: title, subtitle, author and date.
    static let completeBeehiivHeader = """
        # Weekly Notes

        ### PLUS: three tools we liked

        ![Author](https://media.beehiiv.com/uploads/user/profile_picture/1/ada.jpg)

        [Ada Lovelace](https://www.beehiiv.com/@ada)\\
        January 03, 2023

        Hello, readers.

        """
}
