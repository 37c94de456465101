/// The report page's only style sheet, inlined: readable on a phone (no sideways scrolling of the
/// page; wide tables and the heat map scroll inside their box), printable on A4.
enum HTMLStyle {
    static let css = """
        :root{--ink:#1b1f24;--muted:#4a5561;--line:#c9d1da;--band:#f1f4f8;--warn:#fff3c4;--warn-ink:#3b2c00;--link:#0b4a8b}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:#fff;color:var(--ink);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:1rem;line-height:1.5}
        .page{max-width:68rem;margin:0 auto;padding:1rem 1rem 3rem}
        a{color:var(--link)}
        h1{font-size:1.65rem;line-height:1.25;margin:.5rem 0 1rem}
        h2{font-size:1.3rem;line-height:1.3;margin:2.25rem 0 .75rem;padding-top:.75rem;border-top:2px solid var(--line)}
        h3{font-size:1.1rem;margin:1.5rem 0 .4rem}
        p{margin:.5rem 0;max-width:46rem}
        .notice{background:var(--warn);color:var(--warn-ink);border-left:.4rem solid #8a6500;padding:.75rem 1rem;font-weight:600;max-width:none}
        .stamp,.note,.source{color:var(--muted);font-size:.875rem}
        .source code{font-size:.8125rem;overflow-wrap:anywhere}
        nav ol{margin:.25rem 0;padding-left:1.5rem;columns:2 15rem;column-gap:2rem}
        nav li{margin:0 0 .3rem;break-inside:avoid}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.75rem;margin:0}
        .figures div{background:var(--band);border-radius:.5rem;padding:.75rem 1rem}
        .figures dt{color:var(--muted);font-size:.875rem}
        .figures dd{margin:0;font-size:1.75rem;font-weight:700;font-variant-numeric:tabular-nums;white-space:nowrap}
        .table-wrap{overflow-x:auto;max-width:100%;margin:.5rem 0}
        table{border-collapse:collapse;font-size:.9rem}
        caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        thead th{background:var(--band);border-bottom:2px solid var(--muted);vertical-align:bottom}
        tbody th{font-weight:400}
        tbody th:not(.num){min-width:10rem}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.total th,tr.total td{font-weight:700;border-top:2px solid var(--muted)}
        .sup{color:var(--muted);font-weight:700}
        abbr{text-decoration:none;cursor:help}
        .charts{display:grid;grid-template-columns:minmax(0,1fr);gap:1.25rem;margin:1rem 0}
        figure{margin:0}
        figcaption{font-weight:600;margin-bottom:.35rem}
        figure svg{display:block;width:100%;height:auto}
        svg text{font-family:inherit}
        .bars svg{max-width:30rem}
        .scroll{overflow-x:auto;max-width:100%}
        .scroll svg{min-width:40rem;max-width:52rem}
        .charts .wide{grid-column:1/-1}
        @media (min-width:60rem){.charts{grid-template-columns:repeat(2,minmax(0,1fr))}}
        @media (max-width:40rem){h1{font-size:1.4rem}h2{font-size:1.2rem}.notice{padding:.6rem .8rem;font-size:.95rem}nav ol{font-size:.9rem}nav li{margin-bottom:.2rem}.figures dd{font-size:1.5rem}}
        @media print{
        @page{size:A4;margin:14mm 12mm}
        body{font-size:9.5pt}
        .page{max-width:none;padding:0}
        nav{display:none}
        a{color:inherit;text-decoration:none}
        h2{break-after:avoid;page-break-after:avoid}
        h3{break-after:avoid;page-break-after:avoid}
        .table-wrap,.scroll{overflow:visible}
        .scroll svg{min-width:0}
        table{font-size:8.5pt}
        thead{display:table-header-group}
        tr,figure,.figures div,.notice,.group,.table-wrap.short{break-inside:avoid;page-break-inside:avoid}
        .charts{grid-template-columns:repeat(2,minmax(0,1fr))}
        }
        """
}
