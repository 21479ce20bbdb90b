// Writes a deterministic stress dataset in the project's format (data/README.md): 34 provinces (the
// provincial-level units since 1 July 2025) x 40 indicators x 3 target years = 4,080 targets.
//   node bench/gen-stress.mjs [OUT]     default OUT: bench/gen/stress-34x40x3.json
// Same bytes on every run: values come from a fixed-seed linear congruential generator.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const PROVINCES = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An',
  'Hà Tĩnh', 'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên',
  'Hải Phòng', 'Ninh Bình', 'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng',
  'Đắk Lắk', 'Thành phố Hồ Chí Minh', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau',
  'An Giang'
];
const YEARS = [2025, 2027, 2030];
const N_INDICATORS = 40;
const PILLARS = [
  ['chinh-quyen-so', 'Chính quyền số', 'Digital government'],
  ['kinh-te-so', 'Kinh tế số', 'Digital economy'],
  ['xa-hoi-so', 'Xã hội số', 'Digital society'],
  ['an-toan-thong-tin', 'An toàn thông tin', 'Information security'],
  ['cua-khau-so', 'Cửa khẩu số', 'Digital border gates'],
  ['xep-hang', 'Xếp hạng chuyển đổi số', 'Digital-transformation rankings']
];
// Unit of indicator i: mostly percent, as in the real dataset.
const UNITS = ['percent', 'percent', 'percent', 'percent', 'percent_per_year', 'count', 'percent', 'rank'];
const QUALIFIERS = ['exact', 'about', 'above', 'at_least', 'range', 'exact', 'about', 'at_most'];

/** ASCII slug of a Vietnamese name. */
export function slug(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function generate() {
  let seed = 20251122;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const provinces = PROVINCES.map((name) => ({
    id: slug(name),
    name_vi: name,
    name_ascii: name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'),
    admin_note_vi: null,
    admin_note_en: null
  }));
  const indicators = Array.from({ length: N_INDICATORS }, (_, i) => {
    const unit = UNITS[i % UNITS.length];
    const n = String(i + 1).padStart(2, '0');
    return {
      id: `chi-tieu-${n}`,
      pillar: PILLARS[i % PILLARS.length][0],
      label_vi: `Chỉ tiêu thử nghiệm số ${n}`,
      label_en: `Test indicator ${n}`,
      definition_vi: `Chỉ tiêu sinh tự động số ${n} để đo hiệu năng.`,
      definition_en: `Generated indicator ${n}, for performance measurement.`,
      unit,
      unit_label_vi: unit === 'count' ? 'doanh nghiệp' : null,
      unit_label_en: unit === 'count' ? 'enterprises' : null
    };
  });
  const sources = provinces.map((p, i) => ({
    id: `${p.id}-ke-hoach`,
    province: p.id,
    document: `Kế hoạch số ${100 + i}/KH-UBND`,
    document_title: `Kế hoạch chuyển đổi số tỉnh ${p.name_vi} giai đoạn 2025-2030`,
    document_date: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
    issuer: `Ủy ban nhân dân ${p.name_vi}`,
    article_title: `${p.name_vi} ban hành kế hoạch chuyển đổi số`,
    article_date: `2024-${String((i % 12) + 1).padStart(2, '0')}-20`,
    article_author: null,
    article_publisher: 'Báo thử nghiệm',
    article_file: null
  }));
  const targets = [];
  for (const p of provinces) {
    for (const [k, ind] of indicators.entries()) {
      for (const [j, year] of YEARS.entries()) {
        let qualifier = QUALIFIERS[Math.floor(rand() * QUALIFIERS.length)];
        let value;
        let valueMax = null;
        const step = j + 1;
        if (ind.unit === 'rank') {
          qualifier = 'at_most';
          value = 1 + Math.floor(rand() * 20);
        } else if (ind.unit === 'count') {
          if (qualifier === 'range') qualifier = 'at_least';
          value = 100 * (1 + Math.floor(rand() * 50)) * step;
        } else if (ind.unit === 'percent_per_year') {
          value = Math.round(rand() * 300) / 10;
          if (qualifier === 'range') valueMax = value + 5;
        } else {
          value = Math.min(90, Math.round((10 + rand() * 60 + 10 * j) * 10) / 10);
          if (qualifier === 'range') valueMax = Math.min(100, value + 5 + Math.floor(rand() * 10));
        }
        if (qualifier === 'at_most' && ind.unit !== 'rank') qualifier = 'exact';
        targets.push({
          id: `${p.id}/${ind.id}/${year}`,
          province: p.id,
          indicator: ind.id,
          year,
          qualifier,
          value,
          value_max: valueMax,
          unit: ind.unit,
          status: rand() < 0.1 ? 'draft' : 'adopted',
          source: `${p.id}-ke-hoach`,
          quote: `${ind.label_vi} đạt ${value}${valueMax != null ? `–${valueMax}` : ''} vào năm ${year}`,
          note_vi: null,
          note_en: null
        });
      }
    }
  }
  return {
    schema_version: 1,
    pillars: PILLARS.map(([id, name_vi, name_en]) => ({ id, name_vi, name_en })),
    provinces,
    indicators,
    sources,
    targets
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(here, 'gen', 'stress-34x40x3.json'));
  await mkdir(dirname(out), { recursive: true });
  const data = generate();
  await writeFile(out, JSON.stringify(data));
  console.log(`gen-stress: ${out} (${data.provinces.length} provinces x ${data.indicators.length} indicators x 3 years = ${data.targets.length} targets)`);
}
