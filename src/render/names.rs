//! File names for `sitmap render`'s images: one a scene from its title, or
//! numbered frames, sorting in order in any file manager.

use crate::scenes::Story;

/// `01-cartels-declared-terrorists.png`, ... one a scene, numbered from 1
/// with as many digits as the last number needs (at least two).
pub fn scene_file_names(story: &Story) -> Vec<String> {
    let width = digits(story.scenes.len()).max(2);
    story
        .scenes
        .iter()
        .enumerate()
        .map(|(i, scene)| format!("{:0width$}-{}.png", i + 1, slug(&scene.title)))
        .collect()
}

/// `frame-0001.png` ... `frame-NNNN.png` (at least four digits).
pub fn frame_file_names(count: usize) -> Vec<String> {
    let width = digits(count).max(4);
    (1..=count)
        .map(|n| format!("frame-{n:0width$}.png"))
        .collect()
}

fn digits(n: usize) -> usize {
    n.max(1).to_string().len()
}

/// A title as a file-name part: lower-case ASCII letters and digits joined
/// by single hyphens, common accents dropped, apostrophes gone, at most 48
/// characters; `scene` when nothing is left.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à'..='å' => 'a',
            'ç' => 'c',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ñ' => 'n',
            'ò'..='ö' | 'ø' => 'o',
            'ù'..='ü' => 'u',
            'ý' | 'ÿ' => 'y',
            '\'' | '’' | '‘' => continue,
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c);
        } else {
            gap = true;
        }
    }
    if slug.len() > 48 {
        slug.truncate(48);
        if let Some(cut) = slug.rfind('-').filter(|&cut| cut >= 24) {
            slug.truncate(cut);
        }
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    if slug.is_empty() {
        "scene".into()
    } else {
        slug
    }
}
