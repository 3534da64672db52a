import FixtureHTTPServer
import Foundation
import Testing

/// `editorial-check check` checks the links of all its drafts in one session (against a loopback server only).
@Suite("link checking across the drafts of a run")
struct LinkSessionTests {
    @Test("20 drafts sharing 2 URLs make exactly 2 requests, never more than the per-host limit in flight")
    func oneRequestPerURLPerRun() async throws {
        let server = try await FixtureServer.start()
        let folder = try FixtureFolder()
        try folder.write("""
            link_check:
              allow_loopback: true
              cache: false
              per_host_concurrency: 1
              per_host_interval: 0

            """, to: ".newsletterlint.yml")
        for draft in 0..<20 {
            try folder.write("""
                # Issue \(draft)

                Thanks to [our sponsor](\(server.url("/count/sponsor"))). [Subscribe](\(server.url("/count/subscribe#form"))) or
                visit [the sponsor again](\(server.url("/count/sponsor"))).

                """, to: "issues/issue-\(draft).md")
        }
        let result = try folder.run("check", "--rule", "broken-link", "issues")
        await server.stop()
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "0 errors, 0 warnings, 0 fixable in 20 files\n")
        #expect(server.seen.requests == ["/count/sponsor": 1, "/count/subscribe": 1])
        #expect(server.seen.maxInFlight == 1)
    }
}
