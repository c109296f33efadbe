/// The report's inline CSS: system fonts only, charts that scale to the text width, cards
/// and tables, and print rules (page margins for A4 and Letter, no chart split across
/// pages, every chart's numbers table printed open below it, other collapsed details left out). It holds no `& < > " '`, so it reads the same as
/// XML text and as HTML's raw style text.
enum Stylesheet {
    static let css = """

    @page { size: auto; margin: 14mm 12mm; }
    html { color: #222222; background: #FFFFFF; }
    body { font-family: system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif;
           font-size: 15px; line-height: 1.45; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
    h1 { font-size: 1.6rem; margin: 0 0 0.2rem; }
    h2 { font-size: 1.3rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; margin: 2.2rem 0 0.6rem;
         break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; break-after: avoid; }
    .subtitle { color: #555555; margin-top: 0; }
    .intro, .note { max-width: 48rem; }
    .note { font-size: 0.85rem; color: #444444; }
    figure { margin: 1.2rem 0 1.6rem; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-weight: 600; margin-bottom: 0.3rem; }
    svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
    svg.chart text { font-family: inherit; }
    .small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 0 1.2rem; }
    .small-multiples figure { min-width: 0; }
    figure details { overflow-x: auto; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: 0.75rem;
             margin: 1rem 0; }
    .card { border: 1px solid #BBBBBB; border-left: 5px solid #0072B2; padding: 0.5rem 0.75rem;
            break-inside: avoid; page-break-inside: avoid; }
    .card p { margin: 0; }
    .card-label { font-size: 0.85rem; color: #444444; }
    .card-value { font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .card-value .unit { font-size: 0.85rem; font-weight: 400; color: #444444; }
    .card-detail { font-size: 0.8rem; color: #444444; }
    dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.4rem 1rem;
               margin: 0.8rem 0; }
    dl.facts dt { font-size: 0.8rem; color: #555555; }
    dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.5rem 0;
            font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
    th, td { border-bottom: 1px solid #DDDDDD; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid #888888; }
    td.num { text-align: right; white-space: nowrap; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    details { margin: 0.4rem 0; }
    summary { cursor: pointer; color: #0B5394; }
    .flag { color: #A34000; font-weight: 700; }
    footer { margin-top: 2.5rem; border-top: 1px solid #CCCCCC; font-size: 0.8rem; color: #555555; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      details:not([open]):not(.numbers) { display: none; }
      details.numbers::details-content { content-visibility: visible; display: block; }
      details.numbers summary { list-style: none; font-weight: 600; color: #222222; }
      .small-multiples { display: block; }
      .small-multiples svg.chart { width: 70%; }
      h2 { margin-top: 1.2rem; }
      .card, figure { box-shadow: none; }
    }

    """
}
