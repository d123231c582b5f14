//! The embedded font files, the shared `fontdb` database built from them, and
//! the parsed faces that measurement shapes with.

use std::sync::{Arc, OnceLock};

use harfrust::{FontRef, ShaperData};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::MetadataProvider;
use usvg::fontdb;

/// Family name of the embedded Latin face (regular and bold).
pub const LATIN_FAMILY: &str = "Liberation Sans";
/// Family name of the embedded CJK face (regular only).
pub const CJK_FAMILY: &str = "Noto Sans CJK SC";

/// The embedded files, in the order they are loaded into the database. The
/// order matters: usvg's fallback walks the database in this order.
static FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular-subset.otf"),
];

/// One parsed face, with what shaping and fallback need, cached for the
/// lifetime of the process.
pub(crate) struct Face {
    pub(crate) id: fontdb::ID,
    pub(crate) font: FontRef<'static>,
    pub(crate) shaper_data: ShaperData,
    pub(crate) charmap: Charmap<'static>,
    pub(crate) units_per_em: f32,
    /// Ascender in font units (positive, as usvg resolves it with skrifa).
    pub(crate) ascent: f32,
    /// Descender in font units (negative).
    pub(crate) descent: f32,
}

impl Face {
    fn parse(id: fontdb::ID, data: &'static [u8], index: u32) -> Face {
        let font = FontRef::from_index(data, index).expect("embedded font parses");
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        Face {
            id,
            shaper_data: ShaperData::new(&font),
            charmap: Charmap::new(&font),
            units_per_em: f32::from(metrics.units_per_em),
            // usvg rounds these to integer font units.
            ascent: metrics.ascent.round(),
            descent: metrics.descent.round(),
            font,
        }
    }

    pub(crate) fn has_char(&self, c: char) -> bool {
        self.charmap.map(c).is_some()
    }
}

/// Everything built once: the database and the parsed faces, in database order.
pub(crate) struct Fonts {
    pub(crate) db: Arc<fontdb::Database>,
    pub(crate) faces: Vec<Face>,
}

impl Fonts {
    pub(crate) fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(Fonts::load)
    }

    fn load() -> Fonts {
        let mut db = fontdb::Database::new();
        let mut faces = Vec::new();
        for data in FONT_FILES {
            let source = fontdb::Source::Binary(Arc::new(data));
            let ids = db.load_font_source(source);
            for (index, id) in ids.into_iter().enumerate() {
                faces.push(Face::parse(id, data, index as u32));
            }
        }
        // Generic families resolve to the Latin face; per-character fallback
        // then reaches the CJK face.
        db.set_serif_family(LATIN_FAMILY);
        db.set_sans_serif_family(LATIN_FAMILY);
        db.set_cursive_family(LATIN_FAMILY);
        db.set_fantasy_family(LATIN_FAMILY);
        db.set_monospace_family(LATIN_FAMILY);
        debug_assert!(db.faces().map(|f| f.id).eq(faces.iter().map(|f| f.id)));
        Fonts {
            db: Arc::new(db),
            faces,
        }
    }

    /// Index (into `faces`) of the face with database id `id`.
    pub(crate) fn index_of(&self, id: fontdb::ID) -> Option<usize> {
        self.faces.iter().position(|f| f.id == id)
    }
}
