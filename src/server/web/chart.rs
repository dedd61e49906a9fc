//! Coverage over time as an SVG chart drawn by plotters on the server
//! (no script needed to see it), a legend and a data table beside it. The
//! table is the chart for screen readers and without JavaScript, and its
//! period links are what a click on a bar follows (`app.js` maps the
//! click's position to a row, using the plot's pixel range given here).

use jiff::civil::Date;
use jiff::ToSpan;
use maud::{html, Markup, PreEscaped};
use plotters::prelude::*;

use crate::output::timeline::label;
use crate::search::{Interval, TimelineResponse};

use super::text;
use super::view::View;

/// Colours of the series, in order; `app.css` gives the legend's
/// swatches (`.s0` …) the same.
const COLOURS: [RGBColor; 5] = [
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0xe6, 0x7e, 0x00),
];
/// Buckets beyond which the chart asks for a wider interval: a bar would
/// be under a pixel wide, and the table would be the page.
pub const MAX_BUCKETS: usize = 1000;
const SIZE: (u32, u32) = (960, 280);

/// The last day of the bucket that starts on `start`.
fn bucket_end(start: Date, interval: Interval) -> Date {
    let next = match interval {
        Interval::Day => start.checked_add(1.day()),
        Interval::Week => start.checked_add(1.week()),
        Interval::Month => start.checked_add(1.month()),
        Interval::Year => start.checked_add(1.year()),
    };
    next.ok().and_then(|d| d.yesterday().ok()).unwrap_or(start)
}

/// The value of a bucket as charted: a count, or a share in percent.
fn value(b: &crate::search::timeline::Bucket, share: bool) -> f64 {
    if share {
        b.share.unwrap_or(0.0) * 100.0
    } else {
        b.count as f64
    }
}

/// plotters failed to draw (its errors are generic over the backend; the
/// page shows the table instead of the chart).
#[derive(Debug, thiserror::Error)]
#[error("cannot draw the chart: {0}")]
struct DrawError(String);

impl DrawError {
    fn of(e: impl std::fmt::Display) -> DrawError {
        DrawError(e.to_string())
    }
}

/// The SVG, and the plot area's left and right edge in its pixels.
fn draw(t: &TimelineResponse, share: bool) -> Result<(String, i32, i32), DrawError> {
    let n = t.series.first().map_or(0, |s| s.buckets.len());
    let top = t
        .series
        .iter()
        .flat_map(|s| s.buckets.iter().map(|b| value(b, share)))
        .fold(0.0f64, f64::max)
        .max(if share { 0.1 } else { 1.0 })
        * 1.08;
    let mut svg = String::new();
    let span;
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(52)
            .build_cartesian_2d(0f64..n as f64, 0f64..top)
            .map_err(DrawError::of)?;
        let starts: Vec<Date> = t.series[0].buckets.iter().map(|b| b.start).collect();
        let interval = t.interval;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .x_labels(8)
            .x_label_formatter(&|x| {
                let i = x.floor().max(0.0) as usize;
                starts
                    .get(i)
                    .map(|d| label(*d, interval))
                    .unwrap_or_default()
            })
            .y_labels(5)
            .y_label_formatter(&|y| {
                if share {
                    format!("{y:.1}%")
                } else if (y - y.round()).abs() < 1e-9 {
                    format!("{y:.0}")
                } else {
                    // A count has no fractions: no label between two.
                    String::new()
                }
            })
            .label_style(("sans-serif", 13))
            .draw()
            .map_err(DrawError::of)?;
        if t.series.len() == 1 {
            let c = COLOURS[0];
            chart
                .draw_series(t.series[0].buckets.iter().enumerate().map(|(i, b)| {
                    let x = i as f64;
                    Rectangle::new([(x + 0.1, 0.0), (x + 0.9, value(b, share))], c.filled())
                }))
                .map_err(DrawError::of)?;
        } else {
            for (s, series) in t.series.iter().enumerate() {
                let c = COLOURS[s % COLOURS.len()];
                let points = series
                    .buckets
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (i as f64 + 0.5, value(b, share)));
                chart
                    .draw_series(LineSeries::new(points.clone(), c.stroke_width(2)))
                    .map_err(DrawError::of)?;
                if n <= 120 {
                    chart
                        .draw_series(points.map(|p| Circle::new(p, 3, c.filled())))
                        .map_err(DrawError::of)?;
                }
            }
        }
        span = chart.plotting_area().get_pixel_range().0;
        root.present().map_err(DrawError::of)?;
    }
    Ok((svg, span.start, span.end))
}

/// The coverage section of the search page.
pub fn section(t: &TimelineResponse, view: &View) -> Markup {
    let n = t.series.first().map_or(0, |s| s.buckets.len());
    let interval_link = |i: &str, name: &str| {
        let href = view.with(|v| v.interval = i.to_string()).href();
        let current = view.interval == i || (view.interval.is_empty() && i == "month");
        html! { a href=(href) aria-current=[current.then_some("true")] { (name) } }
    };
    let share_link = view.with(|v| v.share = !v.share).href();
    let drawn = (n > 0 && n <= MAX_BUCKETS).then(|| draw(t, view.share));
    html! {
        section.coverage aria-labelledby="coverage-h" {
            h2 #coverage-h { "التغطية عبر الزمن" }
            nav.intervals aria-label="الفترة" {
                (interval_link("day", "يوم")) " · " (interval_link("week", "أسبوع")) " · "
                (interval_link("month", "شهر")) " · " (interval_link("year", "سنة"))
                " | "
                a href=(share_link) { @if view.share { "عدد المقالات" } @else { "نسبة من كل المقالات" } }
            }
            ul.legend {
                @for (i, s) in t.series.iter().enumerate() {
                    li { span class={ "swatch s" (i % COLOURS.len()) } {} bdi dir="auto" { (text::plain(&s.query)) } " (" (s.total) ")" }
                }
            }
            @match drawn {
                None if n == 0 => p.note { "لا تاريخ لأيّ من المقالات المطابقة." },
                None => p.note { "الفترات كثيرة جدًا (" (n) "): اختر فترة أطول." },
                Some(Err(e)) => p.note { "تعذّر رسم المخطط: " (e) },
                Some(Ok((svg, x0, x1))) => {
                    figure.chart data-x0=(x0) data-x1=(x1) data-buckets=(n) {
                        (PreEscaped(svg))
                        figcaption { "انقر عمودًا لعرض مقالات تلك الفترة." }
                    }
                }
            }
            @if n > 0 && n <= MAX_BUCKETS {
                (table(t, view))
                p.export { a.download href=(csv_href(view)) download="fahras-timeline.csv" { "نزّل بيانات المخطط (CSV)" } }
            }
        }
    }
}

/// `/api/timeline` as CSV for the chart's queries, filters and interval.
fn csv_href(view: &View) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    let q = if view.q.is_empty() {
        "*"
    } else {
        view.q.as_str()
    };
    for (k, v) in view.api_pairs(q) {
        s.append_pair(&k, &v);
    }
    for v in &view.vs {
        s.append_pair("q", v);
    }
    if !view.interval.is_empty() {
        s.append_pair("interval", &view.interval);
    }
    if view.share {
        s.append_pair("normalize", "true");
    }
    s.append_pair("format", "csv");
    format!("/api/timeline?{}", s.finish())
}

/// The chart's numbers, a row per bucket, each period a link that narrows
/// the results to it.
fn table(t: &TimelineResponse, view: &View) -> Markup {
    let first = &t.series[0];
    html! {
        details.data {
            summary { "جدول البيانات" }
            table {
                thead { tr {
                    th scope="col" { "الفترة" }
                    @for s in &t.series { th scope="col" { bdi dir="auto" { (text::plain(&s.query)) } } }
                } }
                tbody {
                    @for (i, b) in first.buckets.iter().enumerate() {
                        @let end = bucket_end(b.start, t.interval);
                        @let href = view.with(|v| { v.since = b.start.to_string(); v.until = end.to_string(); }).href();
                        tr {
                            th scope="row" { a.period href=(href) { bdi { (label(b.start, t.interval)) } } }
                            @for s in &t.series {
                                @let cell = &s.buckets[i];
                                td { (cell.count) @if let Some(share) = cell.share { " (" (format!("{:.2}", share * 100.0)) "%)" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_bucket_ends_the_day_before_the_next_starts() {
        assert_eq!(
            bucket_end(date(2024, 2, 1), Interval::Month),
            date(2024, 2, 29)
        );
        assert_eq!(
            bucket_end(date(2023, 12, 25), Interval::Week),
            date(2023, 12, 31)
        );
        assert_eq!(
            bucket_end(date(2003, 1, 1), Interval::Year),
            date(2003, 12, 31)
        );
        assert_eq!(
            bucket_end(date(2003, 3, 20), Interval::Day),
            date(2003, 3, 20)
        );
    }
}
