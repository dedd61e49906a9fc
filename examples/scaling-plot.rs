//! Draws the scaling curve of `benches/scaling.sh` as an SVG: for each
//! archive size, indexing throughput (articles/s) and search p99 (short
//! and long queries, ms), on a logarithmic axis of articles.
//!
//! `cargo run --release --example scaling-plot -- TABLE.tsv OUT.svg`, where
//! TABLE.tsv has a header and the columns `articles`, `articles_per_s`,
//! `short_p99_ms`, `long_p99_ms` (others are ignored).

use plotters::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let [table, out] = argv.as_slice() else {
        return Err("usage: scaling-plot TABLE.tsv OUT.svg".into());
    };
    let text = std::fs::read_to_string(table)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty table")?.split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or(format!("no column {name}"))
    };
    let (n, rate, short, long) = (
        col("articles")?,
        col("articles_per_s")?,
        col("short_p99_ms")?,
        col("long_p99_ms")?,
    );
    let rows: Vec<Vec<f64>> = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            l.split('\t')
                .map(|v| v.parse().unwrap_or(f64::NAN))
                .collect()
        })
        .collect();
    if rows.is_empty() {
        return Err("no rows".into());
    }
    let series = |i: usize| -> Vec<(f64, f64)> { rows.iter().map(|r| (r[n], r[i])).collect() };
    let max = |s: &[(f64, f64)]| s.iter().map(|p| p.1).fold(0.0, f64::max) * 1.2;
    let (x_min, x_max) = (
        rows.iter().map(|r| r[n]).fold(f64::MAX, f64::min) / 2.0,
        rows.iter().map(|r| r[n]).fold(0.0, f64::max) * 2.0,
    );

    let root = SVGBackend::new(out, (900, 380)).into_drawing_area();
    root.fill(&WHITE)?;
    let (left, right) = root.split_horizontally(450);

    let speed = series(rate);
    let mut chart = ChartBuilder::on(&left)
        .caption("full index: articles/s", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d((x_min..x_max).log_scale(), 0.0..max(&speed))?;
    chart
        .configure_mesh()
        .x_desc("articles")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    chart.draw_series(LineSeries::new(speed.clone(), BLUE.stroke_width(2)))?;
    chart.draw_series(speed.iter().map(|&p| Circle::new(p, 4, BLUE.filled())))?;

    let (short, long) = (series(short), series(long));
    let top = max(&short).max(max(&long));
    let mut chart = ChartBuilder::on(&right)
        .caption("search p99, ms", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(52)
        .build_cartesian_2d((x_min..x_max).log_scale(), 0.0..top)?;
    chart
        .configure_mesh()
        .x_desc("articles")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
    for (points, colour, name) in [
        (&short, RED, "1-3 words, all"),
        (&long, GREEN, "4-12 words, any"),
    ] {
        chart
            .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))?
            .label(name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], colour));
        chart.draw_series(points.iter().map(|&p| Circle::new(p, 4, colour.filled())))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .border_style(BLACK)
        .background_style(WHITE)
        .draw()?;
    root.present()?;
    Ok(())
}
