//! The embedded font files, the shared `fontdb` database built from them (and,
//! opt-in, from the machine's fonts), and the parsed faces that measurement
//! shapes with.
//!
//! Nothing is parsed up front: the database is filled from the face
//! descriptions below (what `fontdb` would read from each file, checked by a
//! test), and a face's tables are parsed the first time a text needs that
//! face: its character map when fallback asks whether it has a character, its
//! shaping tables when it shapes. A Latin-only diagram never touches the CJK or
//! the fallback face.

use std::cell::Cell;
use std::sync::{Arc, OnceLock};

use harfrust::{FontRef, Shaper, ShaperData};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::MetadataProvider;
use usvg::fontdb;

/// Family name of the embedded Latin face (regular and bold).
pub const LATIN_FAMILY: &str = "Liberation Sans";
/// Family name of the embedded CJK face (regular only).
pub const CJK_FAMILY: &str = "Noto Sans CJK SC";
/// Family name of the embedded fallback face (regular only): Arabic, Hebrew,
/// Devanagari, Thai, symbols and dingbats and colour emoji (COLRv1), over a
/// Latin, Greek and Cyrillic base so that a line mixing them shapes whole.
pub const FALLBACK_FAMILY: &str = "Noto Fallback Subset";

/// One embedded file and what `fontdb` reads from it (one face, index 0).
pub(crate) struct Embedded {
    pub(crate) data: &'static [u8],
    pub(crate) family: &'static str,
    pub(crate) post_script_name: &'static str,
    pub(crate) weight: u16,
}

/// The embedded files, in the order they are loaded into the database. The
/// order matters: usvg's fallback walks the database in this order.
pub(crate) static EMBEDDED: [Embedded; 4] = [
    Embedded {
        data: include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf"),
        family: LATIN_FAMILY,
        post_script_name: "LiberationSans",
        weight: 400,
    },
    Embedded {
        data: include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf"),
        family: LATIN_FAMILY,
        post_script_name: "LiberationSans-Bold",
        weight: 700,
    },
    Embedded {
        data: include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular-subset.otf"),
        family: CJK_FAMILY,
        post_script_name: "NotoSansCJKsc-Regular",
        weight: 400,
    },
    Embedded {
        data: include_bytes!("../../assets/fonts/NotoFallback-subset.ttf"),
        family: FALLBACK_FAMILY,
        post_script_name: "NotoFallbackSubset-Regular",
        weight: 400,
    },
];

impl Embedded {
    /// The database entry `fontdb` would make from the file, without parsing it.
    pub(crate) fn face_info(&self) -> fontdb::FaceInfo {
        fontdb::FaceInfo {
            id: fontdb::ID::dummy(),
            source: fontdb::Source::Binary(Arc::new(self.data)),
            index: 0,
            families: vec![(
                self.family.to_string(),
                fontdb::Language::English_UnitedStates,
            )],
            post_script_name: self.post_script_name.to_string(),
            style: fontdb::Style::Normal,
            weight: fontdb::Weight(self.weight),
            stretch: fontdb::Stretch::Normal,
            monospaced: false,
        }
    }
}

/// The tables of one face that measurement reads, parsed on first use.
pub(crate) struct Parsed {
    pub(crate) font: FontRef<'static>,
    pub(crate) charmap: Charmap<'static>,
    pub(crate) units_per_em: f32,
    /// Ascender in font units (positive, as usvg resolves it with skrifa).
    pub(crate) ascent: f32,
    /// Descender in font units (negative).
    pub(crate) descent: f32,
}

/// One face of the database, in database order.
pub(crate) struct Face {
    pub(crate) id: fontdb::ID,
    source: fontdb::Source,
    index: u32,
    parsed: OnceLock<Option<Parsed>>,
    shaper: OnceLock<Option<Shaper<'static>>>,
}

impl Face {
    fn new(id: fontdb::ID, source: fontdb::Source, index: u32) -> Face {
        Face {
            id,
            source,
            index,
            parsed: OnceLock::new(),
            shaper: OnceLock::new(),
        }
    }

    /// The face's bytes for the life of the process: embedded and shared
    /// data as they are; a system font file read once (only with
    /// `--system-fonts`, only when fallback reaches it).
    fn data(&self) -> Option<&'static [u8]> {
        match &self.source {
            fontdb::Source::Binary(data) => {
                let data: &'static Arc<dyn AsRef<[u8]> + Sync + Send> =
                    Box::leak(Box::new(data.clone()));
                Some((**data).as_ref())
            }
            fontdb::Source::File(path) => {
                let bytes = std::fs::read(path).ok()?;
                Some(Box::leak(bytes.into_boxed_slice()))
            }
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The parsed tables, or `None` for a file that does not parse.
    pub(crate) fn parsed(&'static self) -> Option<&'static Parsed> {
        self.parsed
            .get_or_init(|| {
                let data = self.data()?;
                let font = FontRef::from_index(data, self.index).ok()?;
                let metrics = font.metrics(Size::unscaled(), LocationRef::default());
                Some(Parsed {
                    charmap: Charmap::new(&font),
                    units_per_em: f32::from(metrics.units_per_em),
                    // usvg rounds these to integer font units.
                    ascent: metrics.ascent.round(),
                    descent: metrics.descent.round(),
                    font,
                })
            })
            .as_ref()
    }

    /// The harfrust shaper (its lookup tables built on first use).
    pub(crate) fn shaper(&'static self) -> Option<&'static Shaper<'static>> {
        self.shaper
            .get_or_init(|| {
                let parsed = self.parsed()?;
                // Built once per face for the life of the process; the
                // shaper borrows it.
                let data: &'static ShaperData = Box::leak(Box::new(ShaperData::new(&parsed.font)));
                Some(data.shaper(&parsed.font).build())
            })
            .as_ref()
    }

    pub(crate) fn has_char(&'static self, c: char) -> bool {
        self.parsed().is_some_and(|p| p.charmap.map(c).is_some())
    }

    /// Whether the tables have been parsed yet (tests count this).
    #[cfg(test)]
    pub(crate) fn is_parsed(&self) -> bool {
        self.parsed.get().is_some()
    }

    /// Whether the shaping tables have been built yet (tests count this).
    #[cfg(test)]
    pub(crate) fn is_shaped(&self) -> bool {
        self.shaper.get().is_some()
    }

    pub(crate) fn units_per_em(&'static self) -> f32 {
        self.parsed().map_or(1000.0, |p| p.units_per_em)
    }
}

thread_local! {
    /// Whether text measured and drawn on this thread may use the machine's
    /// fonts after the embedded ones (set for the length of one render).
    static SYSTEM_FONTS: Cell<bool> = const { Cell::new(false) };
}

/// While alive, text measured on this thread uses the database with (or
/// without) the machine's fonts; dropping it restores the previous choice.
pub struct FontScope {
    previous: bool,
}

impl FontScope {
    /// Use the machine's fonts as a fallback after the embedded ones (when
    /// `system_fonts`) until the scope is dropped.
    pub fn enter(system_fonts: bool) -> FontScope {
        FontScope {
            previous: SYSTEM_FONTS.with(|s| s.replace(system_fonts)),
        }
    }
}

impl Drop for FontScope {
    fn drop(&mut self) {
        SYSTEM_FONTS.with(|s| s.set(self.previous));
    }
}

/// Everything built once: the database and its faces, in database order.
pub(crate) struct Fonts {
    pub(crate) db: Arc<fontdb::Database>,
    pub(crate) faces: Vec<Face>,
    /// 0 for the embedded fonts, 1 with the system fonts (keys caches).
    pub(crate) generation: u8,
    /// The primary face per (bold, italic), resolved on first use.
    pub(crate) primary: OnceLock<[[usize; 2]; 2]>,
}

impl Fonts {
    /// The fonts this thread measures with (see [`FontScope`]).
    pub(crate) fn get() -> &'static Fonts {
        Fonts::with_system(SYSTEM_FONTS.with(Cell::get))
    }

    /// The embedded fonts alone, or followed by the machine's.
    pub(crate) fn with_system(system: bool) -> &'static Fonts {
        static EMBEDDED_ONLY: OnceLock<Fonts> = OnceLock::new();
        static WITH_SYSTEM: OnceLock<Fonts> = OnceLock::new();
        if system {
            WITH_SYSTEM.get_or_init(|| Fonts::load(true))
        } else {
            EMBEDDED_ONLY.get_or_init(|| Fonts::load(false))
        }
    }

    pub(crate) fn load(system: bool) -> Fonts {
        let mut db = fontdb::Database::new();
        let mut faces = Vec::new();
        for file in &EMBEDDED {
            let info = file.face_info();
            let (source, index) = (info.source.clone(), info.index);
            faces.push(Face::new(db.push_face_info(info), source, index));
        }
        if system {
            for info in system_faces() {
                let (source, index) = (info.source.clone(), info.index);
                faces.push(Face::new(db.push_face_info(info), source, index));
            }
        }
        // Generic families resolve to the Latin face; per-character fallback
        // then reaches the CJK face and the fallback face.
        db.set_serif_family(LATIN_FAMILY);
        db.set_sans_serif_family(LATIN_FAMILY);
        db.set_cursive_family(LATIN_FAMILY);
        db.set_fantasy_family(LATIN_FAMILY);
        db.set_monospace_family(LATIN_FAMILY);
        debug_assert!(db.faces().map(|f| f.id).eq(faces.iter().map(|f| f.id)));
        Fonts {
            db: Arc::new(db),
            faces,
            generation: u8::from(system),
            primary: OnceLock::new(),
        }
    }

    /// Index (into `faces`) of the face with database id `id`.
    pub(crate) fn index_of(&self, id: fontdb::ID) -> Option<usize> {
        self.faces.iter().position(|f| f.id == id)
    }

    /// The face at `index` (database order), for the life of the process.
    pub(crate) fn face(&'static self, index: usize) -> Option<&'static Face> {
        self.faces.get(index)
    }
}

/// The machine's fonts (fontdb's `load_system_fonts`), minus faces whose
/// family is one the SVG names ("arial" and the embedded families), so that
/// the embedded faces stay the primary ones and system faces only fill in
/// characters the embedded ones lack. Sorted (regular upright faces first,
/// then by path and index) so that the fallback order does not depend on the
/// order a directory lists files in.
fn system_faces() -> Vec<fontdb::FaceInfo> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let reserved = |name: &str| {
        name.eq_ignore_ascii_case("arial")
            || EMBEDDED.iter().any(|e| name.eq_ignore_ascii_case(e.family))
    };
    let mut faces: Vec<fontdb::FaceInfo> = db
        .faces()
        .filter(|f| !f.families.iter().any(|(name, _)| reserved(name)))
        .cloned()
        .collect();
    // Regular upright faces first: fallback takes the first face that has a
    // character, and it should not be a bold or italic one.
    let key = |f: &fontdb::FaceInfo| {
        let path = match &f.source {
            fontdb::Source::File(path) => path.clone(),
            _ => std::path::PathBuf::new(),
        };
        (
            f.weight.0.abs_diff(400),
            f.style != fontdb::Style::Normal,
            path,
            f.index,
        )
    };
    faces.sort_by_key(key);
    faces
}
