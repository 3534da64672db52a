// One import gives an application the domain, mojibake repair, every standard format and the editorial checks.
@_exported import BeehiivAdapter
@_exported import EditorialChecks
@_exported import FrontMatterAdapter
@_exported import JSONAdapter
@_exported import MojibakeRepair
@_exported import NewsletterCore
