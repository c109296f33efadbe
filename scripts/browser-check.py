#!/usr/bin/env python3
"""Opens a cartsim report in headless Chromium and checks what a reader would see.

    scripts/browser-check.py REPORT.html [--expect TEXT ...] [--out DIR]

Checks, each reported by name on failure:
  load      the page loads with no script error or failed request (Chromium's console)
  layout    every chart text lies inside its chart (no clipped axis label, tick or note)
            and no two tick labels of an axis overlap
  expect    the rendered text holds every --expect TEXT (the headline figures)
  blank     a screenshot of the first screen is not blank (over 2 % of pixels not white)
  print     printed to PDF, the page keeps its headline figures and every chart's numbers
            table (the first number of each table is in the PDF's text)
Exit status 0 when all pass, 1 otherwise, 2 when Chromium or pdftotext is missing.
"""
import argparse, html, json, os, re, shutil, struct, subprocess, sys, tempfile, zlib

PROBE = r"""
<script>
(function () {
  var out = {texts: 0, clipped: [], overlaps: [], svgs: 0, text: document.body.innerText};
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    out.svgs++;
    var box = svg.getBoundingClientRect();
    var ticks = [];
    svg.querySelectorAll('text').forEach(function (t) {
      out.texts++;
      var r = t.getBoundingClientRect();
      if (r.width === 0) return;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        out.clipped.push((svg.closest('figure') || svg).id + ': "' + t.textContent + '"');
      if (t.getAttribute('class') === 'tick') ticks.push([r, t.textContent]);
    });
    for (var i = 0; i < ticks.length; i++) for (var j = i + 1; j < ticks.length; j++) {
      var a = ticks[i][0], b = ticks[j][0];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom && b.top < a.bottom)
        out.overlaps.push((svg.closest('figure') || svg).id + ': "' + ticks[i][1] + '" / "' + ticks[j][1] + '"');
    }
  });
  var pre = document.createElement('pre');
  pre.id = 'cartsim-browser-check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(binary, args, url):
    # --no-sandbox: CI runs as root; --disable-dev-shm-usage: containers have a small /dev/shm.
    with tempfile.TemporaryDirectory(prefix="cartsim-chromium-") as profile:
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                   "--enable-logging=stderr", "--v=0", "--no-first-run", "--user-data-dir=" + profile] + args + [url]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)


def png_pixels(path):
    """(width, height, channels, rows of bytes) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), "unexpected PNG format"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def console_errors(stderr):
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line and ("Uncaught" in line or "rror" in line) or "Failed to load resource" in line]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report")
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("--out", help="keep the screenshot and PDF here")
    options = parser.parse_args()
    binary = chromium()
    if not binary or not shutil.which("pdftotext"):
        print("browser-check: needs chromium and pdftotext (make deps installs chromium and poppler-utils)", file=sys.stderr)
        return 2
    report = os.path.abspath(options.report)
    if options.out:
        os.makedirs(options.out, exist_ok=True)
        return check(binary, report, options.expect, options.out)
    with tempfile.TemporaryDirectory(prefix="cartsim-browser-") as work:
        return check(binary, report, options.expect, work)


def check(binary, report, expected, work):
    """Runs every check of `report`, keeping the probed page, screenshot and PDF in `work`."""
    failures = []

    source = open(report, encoding="utf-8").read()
    probed = os.path.join(work, "probed.html")
    with open(probed, "w", encoding="utf-8") as file:
        file.write(source.replace("</body>", PROBE + "</body>", 1))
    dom = run_chromium(binary, ["--dump-dom"], "file://" + probed)
    failures += ["load: " + line for line in console_errors(dom.stderr)]
    match = re.search(r'<pre id="cartsim-browser-check">(.*?)</pre>', dom.stdout, re.S)
    if not match:
        failures.append("load: the page did not finish loading (no probe result)")
        probe = {"text": "", "clipped": [], "overlaps": [], "svgs": 0, "texts": 0}
    else:
        probe = json.loads(html.unescape(match.group(1)))
    failures += ["layout: clipped text " + item for item in probe["clipped"]]
    failures += ["layout: overlapping ticks " + item for item in probe["overlaps"]]
    failures += ["expect: the page does not show " + repr(text) for text in expected if text not in probe["text"]]

    shot = os.path.join(work, "screen.png")
    run_chromium(binary, ["--screenshot=" + shot, "--window-size=1000,1400"], "file://" + report)
    if not os.path.exists(shot):
        failures.append("blank: no screenshot was taken")
    else:
        width, height, channels, rows = png_pixels(shot)
        inked = sum(1 for row in rows for i in range(0, width * channels, channels) if min(row[i:i + 3]) < 235)
        if inked < 0.02 * width * height:
            failures.append("blank: only %.2f %% of the first screen is not white" % (100 * inked / (width * height)))

    pdf = os.path.join(work, "printed.pdf")
    run_chromium(binary, ["--print-to-pdf=" + pdf, "--no-pdf-header-footer"], "file://" + report)
    if not os.path.exists(pdf):
        failures.append("print: no PDF was printed")
    else:
        printed = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        failures += ["print: the PDF does not show " + repr(text) for text in expected if text not in printed]
        tables = re.findall(r'<details class="numbers">.*?</details>', source, re.S)
        for index, table in enumerate(tables):
            number = re.search(r'<td class="num"[^>]*>([^<]+)</td>', table)
            if number and html.unescape(number.group(1)) not in printed:
                failures.append("print: chart table %d (first number %s) is not in the PDF" % (index, number.group(1)))
        probe["printed_tables"] = len(tables)

    print(json.dumps({"report": report, "charts": probe["svgs"], "chart_texts": probe["texts"],
                      "printed_tables": probe.get("printed_tables", 0), "failures": failures}, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
