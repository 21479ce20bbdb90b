// TypeScript declarations for <province-targets> (dist/province-targets.js): the element, its options as
// properties, update() and view, and the province-targets-change event. Every option is a string, as its
// attribute is; a list of province ids may also be given as an array.

/** The view on screen, as the embed attributes that reproduce it. */
export interface ProvinceTargetsView {
  /** The indicator's id. */
  indicator: string;
  /** "all" or a year such as "2025". */
  year: string;
  /** The shown provinces' ids, comma-separated. */
  provinces: string;
  lang: 'vi' | 'en';
  /** Whether the national target lines are drawn. */
  national: 'on' | 'off';
  /** The highlighted provinces' ids, comma-separated; absent when none is. */
  highlight?: string;
}

/** The detail of `province-targets-change`: the new view and who changed it. */
export interface ProvinceTargetsChangeDetail extends ProvinceTargetsView {
  /** "reader" for the reader's own choices in the widget, "page" for a change of attribute or update(). */
  source: 'reader' | 'page';
}

/** What update() takes: any options; null or undefined removes one (back to its default). */
export interface ProvinceTargetsOptions {
  indicator?: string | null;
  year?: string | number | null;
  provinces?: string | string[] | null;
  highlight?: string | string[] | null;
  lang?: 'vi' | 'en' | null;
  theme?: 'light' | 'dark' | 'auto' | null;
  national?: 'on' | 'off' | null;
  title?: string | null;
  subtitle?: string | null;
  note?: string | null;
  /** The outlet's credit, under the source line in the widget and in its PNG and SVG ("Đồ họa: Báo …"). */
  credit?: string | null;
  controls?: 'all' | 'none' | null;
  /** "story": a box of fixed height fitting the viewport (--pt-story-height), for a chart a scrolling story drives. */
  layout?: 'inline' | 'story' | null;
  /** A dataset's URL: the widget loads it afresh. */
  src?: string | null;
}

export interface ProvinceTargetsElement extends HTMLElement {
  indicator: string | null;
  year: string | null;
  provinces: string | null;
  highlight: string | null;
  theme: string | null;
  national: string | null;
  subtitle: string | null;
  note: string | null;
  credit: string | null;
  controls: string | null;
  layout: string | null;
  src: string | null;
  /**
   * Applies several options as one redraw. Settles with the view once it is drawn (a widget still loading: once
   * it mounts; a widget removed from the page: at once, with null). An unknown value rejects the whole batch with
   * the console's warning, which lists the valid values, and the view stays as it was.
   */
  update(changes: ProvinceTargetsOptions): Promise<ProvinceTargetsView | null>;
  /** The view on screen, or null before the widget has mounted. */
  readonly view: ProvinceTargetsView | null;
  addEventListener<K extends keyof ProvinceTargetsEventMap>(
    type: K,
    listener: (this: ProvinceTargetsElement, event: ProvinceTargetsEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions
  ): void;
}

export interface ProvinceTargetsEventMap extends HTMLElementEventMap {
  'province-targets-change': CustomEvent<ProvinceTargetsChangeDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'province-targets': ProvinceTargetsElement;
  }
  interface HTMLElementEventMap {
    'province-targets-change': CustomEvent<ProvinceTargetsChangeDetail>;
  }
}
