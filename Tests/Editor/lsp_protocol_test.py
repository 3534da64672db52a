"""Protocol-level test of `editorial-check lsp`, a second client beside Neovim (run by Scripts/lsp-protocol-test.sh).

Messages are built and read back through lsprotocol's types and converter (PyPI, pinned in
Tests/Editor/requirements-lsp.txt), so every answer of the server is also checked against the protocol's own types.
The framing is written here, byte by byte, because the test must also send what no library sends: malformed JSON.

Usage: lsp_protocol_test.py EDITORIAL_CHECK_BINARY FIXTURE_FOLDER SERVER_LOG
"""

import http.server
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from lsprotocol import types
from lsprotocol.converters import get_converter

CONVERTER = get_converter()
# Every wait is bounded; Scripts/lsp-protocol-test.sh also bounds the whole run.
TIMEOUT = 20.0

# wide-characters.md, 0-based lines, UTF-8 byte columns: the line '- 🎉 新しい道具 donâ€™t rust: ...' has the emoji
# (4 bytes), a space and five CJK characters (3 bytes each) before 'don', so 'â€™' spans bytes 26..34 (UTF-16 14..17);
# the placeholder destination on '- 🎉 新 [your link](https://...?ref=PLACEHOLDER)' spans bytes 23..70.
MOJIBAKE_LINE, MOJIBAKE_RANGE = 11, (26, 34)
PLACEHOLDER_LINE, PLACEHOLDER_RANGE = 12, (23, 70)


class TestFailure(Exception):
    """A check that did not hold; the message says what was expected and what came."""


class Connection:
    """The server process and the two directions of its stdio stream, framed with Content-Length."""

    def __init__(self, command, log):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
        self.incoming = queue.Queue()
        self.next_id = 1
        self.publishes = []  # every textDocument/publishDiagnostics, in arrival order
        self.requests_from_server = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        """Reads framed messages; anything on stdout that is not one is a protocol violation."""
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.incoming.put(("eof", None))
                    return
                if line == b"\r\n":
                    break
                name, separator, value = line.decode("ascii", "replace").partition(":")
                if not separator or not line.endswith(b"\r\n"):
                    self.incoming.put(("violation", f"not a header line on stdout: {line!r}"))
                    return
                headers[name.strip().lower()] = value.strip()
            if "content-length" not in headers:
                self.incoming.put(("violation", f"headers without Content-Length: {headers}"))
                return
            body = stream.read(int(headers["content-length"]))
            try:
                self.incoming.put(("message", json.loads(body.decode("utf-8"))))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                self.incoming.put(("violation", f"a body that is not JSON ({error}): {body[:200]!r}"))
                return

    def send_bytes(self, body):
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message):
        self.send_bytes(json.dumps(message, ensure_ascii=False).encode("utf-8"))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": CONVERTER.unstructure(params)})

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = CONVERTER.unstructure(params)
        self.send(message)
        return request_id

    def next_message(self, deadline):
        """The next message, answering the server's own requests and recording diagnostics on the way."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            kind, message = self.incoming.get(timeout=remaining)
        except queue.Empty:
            return None
        if kind == "eof":
            self.incoming.put((kind, message))
            raise TestFailure(f"the server closed stdout (exit status {self.process.poll()})")
        if kind == "violation":
            raise TestFailure(message)
        if message.get("method") == "textDocument/publishDiagnostics":
            notification = CONVERTER.structure(message, types.PublishDiagnosticsNotification)
            self.publishes.append(notification.params)
        elif "method" in message and "id" in message:
            # A request from the server (registrations, configuration): answered as a plain client would.
            self.requests_from_server.append(message["method"])
            result = [None] * len(message.get("params", {}).get("items", [])) if message["method"] == "workspace/configuration" else None
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
        return message

    def response(self, request_id, description):
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.next_message(deadline)
            if message is None:
                raise TestFailure(f"no response to {description} (id {request_id}) within {TIMEOUT} s")
            if "method" not in message and message.get("id") == request_id:
                return message

    def wait_until(self, description, predicate, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while not predicate():
            if self.next_message(deadline) is None and time.monotonic() >= deadline:
                raise TestFailure(f"timed out after {timeout} s waiting for {description}")

    def drain(self, seconds):
        """Reads whatever arrives for a while: what a late, stale message would have to slip into."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.next_message(deadline)


class LoopbackServer:
    """An HTTP server on 127.0.0.1 (a free port) answering 200 for /ok and 404 otherwise, recording each path asked."""

    def __init__(self):
        paths = self.paths = []

        class Pages(http.server.BaseHTTPRequestHandler):
            def do_HEAD(self):
                paths.append(self.path)
                self.send_response(200 if self.path == "/ok" else 404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_HEAD

            def log_message(self, format, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
        self.port = self.server.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exception):
        self.server.shutdown()
        self.server.server_close()


class Document:
    """The client's copy of an open draft, edited as the server is told, with UTF-8 positions."""

    def __init__(self, path):
        self.uri = path.as_uri()
        self.lines = path.read_text(encoding="utf-8").split("\n")
        self.version = 1

    @property
    def text(self):
        return "\n".join(self.lines)

    def offset(self, line, character):
        """A string index from a UTF-8 position."""
        prefix = self.lines[line].encode("utf-8")[:character].decode("utf-8")
        return sum(len(text) + 1 for text in self.lines[:line]) + len(prefix)

    def change(self, start, end, new_text):
        """Applies one edit and returns the incremental change event the server is sent for it."""
        text = self.text
        text = text[: self.offset(*start)] + new_text + text[self.offset(*end):]
        self.lines = text.split("\n")
        self.version += 1
        return types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=new_text
        )


def describe(diagnostics):
    """Diagnostics as sorted 'code@line:start-end' strings."""
    described = []
    for diagnostic in diagnostics:
        start, end = diagnostic.range.start, diagnostic.range.end
        described.append(f"{diagnostic.code}@{start.line}:{start.character}-{end.line}:{end.character}")
    return sorted(described)


def expected(*problems):
    return sorted(f"{code}@{line}:{start}-{line}:{end}" for code, line, (start, end) in problems)


class ProtocolTest:
    def __init__(self, binary, fixtures, log):
        self.binary = binary
        self.fixtures = fixtures
        self.log = log
        self.passed = 0

    def check(self, name, condition, detail):
        if not condition:
            raise TestFailure(f"{name}: {detail}")
        self.passed_step(name)

    def passed_step(self, name):
        """Counts a step whose checks already held (a wait that raises otherwise)."""
        self.passed += 1
        print(f"ok - {name}", flush=True)

    def latest(self, uri):
        mine = [publish for publish in self.connection.publishes if publish.uri == uri]
        return mine[-1] if mine else None

    def wait_for_diagnostics(self, document, wanted, description):
        def matches():
            latest = self.latest(document.uri)
            return latest is not None and describe(latest.diagnostics) == wanted

        try:
            self.connection.wait_until(description, matches)
        except TestFailure:
            latest = self.latest(document.uri)
            raise TestFailure(
                f"{description}: expected {wanted}, latest published {describe(latest.diagnostics) if latest else None}"
            ) from None
        return self.latest(document.uri)

    def start_session(self, workspace, initialization_options=None):
        """A new server process, initialized with UTF-8 offered first (LSP 3.17 general.positionEncodings)."""
        self.connection = connection = Connection([self.binary, "lsp"], self.log)
        initialize = connection.request(
            "initialize",
            types.InitializeParams(
                process_id=os.getpid(),
                root_uri=workspace.as_uri(),
                initialization_options=initialization_options,
                capabilities=types.ClientCapabilities(
                    general=types.GeneralClientCapabilities(
                        position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
                    ),
                    text_document=types.TextDocumentClientCapabilities(
                        synchronization=types.TextDocumentSyncClientCapabilities(did_save=True),
                        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
                        code_action=types.CodeActionClientCapabilities(
                            code_action_literal_support=types.ClientCodeActionLiteralOptions(
                                code_action_kind=types.ClientCodeActionKindOptions(
                                    value_set=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
                                )
                            )
                        ),
                    ),
                ),
            ),
        )
        response = connection.response(initialize, "initialize")
        capabilities = CONVERTER.structure(response, types.InitializeResponse).result.capabilities
        connection.notify("initialized", types.InitializedParams())
        return connection, capabilities

    def open(self, document):
        self.connection.notify(
            "textDocument/didOpen",
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=document.uri, language_id="markdown", version=document.version, text=document.text
                )
            ),
        )

    def stop_session(self):
        """shutdown, exit, and the process's exit status."""
        connection = self.connection
        shutdown = connection.request("shutdown", None)
        response = connection.response(shutdown, "shutdown")
        self.check("shutdown answers null", "result" in response and response["result"] is None, f"{response}")
        connection.send({"jsonrpc": "2.0", "method": "exit"})
        connection.process.stdin.close()
        try:
            status = connection.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            connection.process.kill()
            raise TestFailure(f"the server did not exit within {TIMEOUT} s of exit") from None
        self.check("the server exits with status 0 after shutdown and exit", status == 0, f"exit status {status}")
        if connection.requests_from_server:
            print(f"note: the server asked the client for {connection.requests_from_server} (answered with null)")

    def run(self):
        workspace = Path(tempfile.mkdtemp(prefix="lsp-protocol-test."))
        draft = workspace / "wide-characters.md"
        draft.write_bytes((self.fixtures / "wide-characters.md").read_bytes())
        connection, capabilities = self.start_session(workspace)
        self.check(
            "initialize negotiates UTF-8 positions",
            capabilities.position_encoding == types.PositionEncodingKind.Utf8,
            f"positionEncoding {capabilities.position_encoding!r}",
        )
        sync = capabilities.text_document_sync
        change_kind = sync.change if isinstance(sync, types.TextDocumentSyncOptions) else sync
        self.check(
            "text sync is incremental", change_kind == types.TextDocumentSyncKind.Incremental, f"textDocumentSync {sync!r}"
        )
        self.check("code actions are offered", bool(capabilities.code_action_provider), f"{capabilities.code_action_provider!r}")

        # Open a draft with an emoji and CJK before each problem: positions in UTF-8 bytes.
        document = Document(draft)
        self.open(document)
        opened = self.wait_for_diagnostics(
            document,
            expected(("mojibake", MOJIBAKE_LINE, MOJIBAKE_RANGE), ("placeholder-link", PLACEHOLDER_LINE, PLACEHOLDER_RANGE)),
            "diagnostics on open",
        )
        self.passed_step("diagnostics on open at exact UTF-8 columns after emoji and CJK")
        self.check(
            "diagnostics name their source and severity",
            all(d.source == "editorial-check" and d.severity == types.DiagnosticSeverity.Error for d in opened.diagnostics),
            f"{[(d.source, d.severity) for d in opened.diagnostics]}",
        )
        mojibake = next(d for d in opened.diagnostics if d.code == "mojibake")

        # The quick fix carries an exact edit in the same encoding.
        actions_id = connection.request(
            "textDocument/codeAction",
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=document.uri),
                range=mojibake.range,
                context=types.CodeActionContext(diagnostics=[mojibake]),
            ),
        )
        actions = CONVERTER.structure(connection.response(actions_id, "textDocument/codeAction"), types.CodeActionResponse).result
        titles = sorted((action.title, action.kind) for action in actions or [])
        quick_fix = next(
            (a for a in actions or [] if a.kind == types.CodeActionKind.QuickFix and a.title == "replace 'â€™' with '’'"), None
        )
        self.check("the mojibake quick fix is offered", quick_fix is not None and quick_fix.edit is not None, f"{titles}")
        self.check(
            "the disable action is offered",
            any(t == ("Disable mojibake on this line", types.CodeActionKind.QuickFix) for t in titles),
            f"{titles}",
        )
        edits = [
            (edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character, edit.new_text)
            for edit in self.text_edits(quick_fix.edit, document.uri)
        ]
        self.check(
            "the quick fix edit replaces exactly the UTF-8 range",
            edits == [(MOJIBAKE_LINE, MOJIBAKE_RANGE[0], MOJIBAKE_LINE, MOJIBAKE_RANGE[1], "’")],
            f"{edits}",
        )

        # Quick incremental changes, sent without waiting: typing, a deletion and a paste across lines. Only the
        # last state may be reported once the server settles.
        changes = []
        typed_at = (PLACEHOLDER_LINE, len(document.lines[PLACEHOLDER_LINE].encode("utf-8")))
        for character in " 新しい ok":
            changes.append(document.change(typed_at, typed_at, character))
            typed_at = (typed_at[0], typed_at[1] + len(character.encode("utf-8")))
        # The mojibake repaired by hand: 'â€™' (bytes 26..34) becomes '’'.
        changes.append(document.change((MOJIBAKE_LINE, 26), (MOJIBAKE_LINE, 34), "’"))
        # A new line with mojibake after CJK, pasted at the end of the list, and then an edit across two lines.
        changes.append(document.change((PLACEHOLDER_LINE + 1, 0), (PLACEHOLDER_LINE + 1, 0), "- 道具 Ã©tÃ© fine\n"))
        changes.append(document.change((PLACEHOLDER_LINE - 1, 2), (PLACEHOLDER_LINE, 2), "🎉 "))
        for change in changes:
            connection.notify(
                "textDocument/didChange",
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=document.uri, version=document.version),
                    content_changes=[change],
                ),
            )
        final_version = document.version
        # Now: line 11 '- 🎉 🎉 新 [your link](...PLACEHOLDER) 新しい ok' (the old mojibake line's text before byte 2
        # and the placeholder line after byte 2 joined), line 12 '- 道具 Ã©tÃ© fine'.
        joined = document.lines[PLACEHOLDER_LINE - 1]
        pasted = document.lines[PLACEHOLDER_LINE]
        self.check(
            "the client's copy is as intended",
            joined == "- 🎉 🎉 新 [your link](https://fieldnotes.example/join?ref=PLACEHOLDER) 新しい ok"
            and pasted == "- 道具 Ã©tÃ© fine",
            f"{joined!r} / {pasted!r}",
        )
        # '- 🎉 🎉 新 [your link](' is 2+4+1+4+1+3+1+12 = 28 bytes; '- 道具 ' is 2+6+1 = 9 bytes and 'Ã©tÃ©' 9.
        settled = self.wait_for_diagnostics(
            document,
            expected(
                ("placeholder-link", PLACEHOLDER_LINE - 1, (28, 75)),
                ("mojibake", PLACEHOLDER_LINE, (9, 18)),
            ),
            "diagnostics after a burst of incremental changes",
        )
        self.passed_step("diagnostics after quick incremental changes describe the last state")
        if settled.version is not None:
            self.check("the settled diagnostics carry the last version", settled.version == final_version, f"{settled.version}")
        connection.drain(1.5)
        latest = self.latest(document.uri)
        self.check(
            "no stale diagnostics arrive after the last state",
            describe(latest.diagnostics) == describe(settled.diagnostics),
            f"{describe(latest.diagnostics)}",
        )
        versions = [p.version for p in connection.publishes if p.uri == document.uri and p.version is not None]
        self.check("published versions never go back", versions == sorted(versions), f"{versions}")

        # Bad input: malformed JSON, then an unknown method, an unknown notification and positions out of range.
        connection.send_bytes(b'{"jsonrpc": "2.0", "id": 900, "method": "textDocument/codeAction", "params": {')
        parse_error = self.next_error("malformed JSON")
        self.check(
            "malformed JSON is answered with -32700 and a null id",
            parse_error.get("id") is None and parse_error["error"]["code"] == -32700,
            f"{parse_error}",
        )
        unknown = connection.request("editorialCheck/noSuchMethod", None)
        response = connection.response(unknown, "an unknown method")
        self.check(
            "an unknown method is answered with -32601",
            response.get("error", {}).get("code") == -32601,
            f"{response}",
        )
        connection.send({"jsonrpc": "2.0", "method": "editorialCheck/noSuchNotification", "params": {}})
        out_of_range = connection.request(
            "textDocument/codeAction",
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=document.uri),
                range=types.Range(start=types.Position(9999, 5), end=types.Position(9999, 80)),
                context=types.CodeActionContext(diagnostics=[]),
            ),
        )
        response = connection.response(out_of_range, "a code action request out of range")
        # Actions for the whole file do not depend on the range; none for a line may come.
        self.check(
            "a range past the end is answered with file-wide actions only, or -32602",
            ("result" in response and all(a.get("kind", "").startswith("source.") for a in response["result"] or []))
            or response.get("error", {}).get("code") == -32602,
            f"{response}",
        )
        still_there = connection.request(
            "textDocument/codeAction",
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=document.uri),
                range=settled.diagnostics[0].range,
                context=types.CodeActionContext(diagnostics=list(settled.diagnostics)),
            ),
        )
        response = connection.response(still_there, "a code action request after the bad input")
        self.check("the server still answers after bad input", "result" in response and response["result"], f"{response}")

        self.stop_session()
        self.run_link_checks(workspace)

    def run_link_checks(self, workspace):
        """Link checks reach the network only on save, and only when initializationOptions enable them: a draft
        linking to a page and a missing page on a loopback HTTP server of the test's own, in two sessions."""
        with LoopbackServer() as pages:
            folder = workspace / "links"
            folder.mkdir()
            (folder / ".newsletterlint.yml").write_text("link_check:\n  allow_loopback: true\n", encoding="utf-8")
            draft = folder / "loopback-links.md"
            text = (self.fixtures / "loopback-links.md").read_text(encoding="utf-8")
            draft.write_text(text.replace("PORT", str(pages.port)), encoding="utf-8")
            # '- 🎉 新しい ' is 2+4+1+9+1 = 17 bytes; the whole link is reported.
            link = f"[the missing page](http://127.0.0.1:{pages.port}/missing)"
            broken = expected(("broken-link", 12, (17, 17 + len(link))))

            for enabled in (False, True):
                self.start_session(folder, {"editorialCheck": {"linkChecks": True}} if enabled else None)
                document = Document(draft)
                self.open(document)
                self.wait_for_diagnostics(document, [], "the loopback draft's offline diagnostics on open")
                self.connection.drain(1.5)
                self.check(
                    f"no request on open (link checks {'on' if enabled else 'off'})", pages.paths == [], f"{pages.paths}"
                )
                self.connection.notify(
                    "textDocument/didSave",
                    types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=document.uri)),
                )
                if enabled:
                    self.wait_for_diagnostics(document, broken, "the broken link after save")
                    self.passed_step("with link checks on, saving reports the missing page at its exact range")
                    self.check(
                        "both links were requested from the loopback server",
                        {"/ok", "/missing"} <= set(pages.paths),
                        f"{pages.paths}",
                    )
                else:
                    self.connection.drain(2.0)
                    latest = self.latest(document.uri)
                    self.check(
                        "with link checks off, saving sends no request and reports nothing",
                        pages.paths == [] and describe(latest.diagnostics) == [],
                        f"requests {pages.paths}, diagnostics {describe(latest.diagnostics)}",
                    )
                self.stop_session()

    def text_edits(self, edit, uri):
        if edit.document_changes:
            return [e for change in edit.document_changes if change.text_document.uri == uri for e in change.edits]
        return list((edit.changes or {}).get(uri, []))

    def next_error(self, description):
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.connection.next_message(deadline)
            if message is None:
                raise TestFailure(f"no error response to {description} within {TIMEOUT} s")
            if "error" in message and "method" not in message:
                return message


def main():
    binary, fixtures, log_path = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    with open(log_path, "wb") as log:
        test = ProtocolTest(binary, fixtures, log)
        try:
            test.run()
        except Exception as failure:
            # Anything else (an answer lsprotocol cannot read as its type, say) fails the test the same way.
            detail = str(failure) if isinstance(failure, TestFailure) else traceback.format_exc()
            print(f"FAILED: {detail}", flush=True)
            if getattr(test, "connection", None) and test.connection.process.poll() is None:
                test.connection.process.kill()
            print(f"lsp-protocol-test: {test.passed} passed, 1 failed")
            return 1
    print(f"lsp-protocol-test: {test.passed} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
