//! CSV: a header of the chosen fields, then one RFC 4180 record per hit.

use std::io::{self, Write};

use super::Render;
use crate::output::fields::HitField;
use crate::search::Hit;

pub(super) struct Csv {
    fields: Vec<HitField>,
    /// Reused buffer for one record.
    row: Vec<u8>,
}

impl Csv {
    pub fn new(fields: Vec<HitField>) -> Csv {
        Csv {
            fields,
            row: Vec::new(),
        }
    }

    /// Writes one record through the csv crate.
    fn record(&mut self, out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
        self.row.clear();
        {
            let mut w = csv::Writer::from_writer(&mut self.row);
            w.write_record(cells)?;
            w.flush()?;
        }
        out.write_all(&self.row)
    }
}

impl Render for Csv {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let header: Vec<String> = self.fields.iter().map(|f| f.key().to_string()).collect();
        self.record(out, &header)
    }

    fn hit(&mut self, out: &mut dyn Write, hit: &Hit) -> io::Result<()> {
        let row: Vec<String> = self.fields.iter().map(|f| f.csv(hit)).collect();
        self.record(out, &row)
    }
}
