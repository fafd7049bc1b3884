import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../core/text/entities';

describe('decodeEntities', () => {
  it('decodes numeric entities safely', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;')).toBe('   ');
    expect(decodeEntities('Caf&#233; &#x41;&#X42;&#67')).toBe('Café ABC');
    expect(decodeEntities('&#x4E73;&#x767D;')).toBe('乳白');
    expect(decodeEntities('&#128512;')).toBe('😀');
  });

  it('reads numeric references 0x80–0x9F as windows-1252, as browsers do', () => {
    expect(decodeEntities('&#150;&#x93;q&#148; &#128;5 &#x99;')).toBe('–“q” €5 ™');
  });

  it('decodes names with ";", and the legacy ones without it except before "=" or an alphanumeric', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&apos;&nbsp;')).toBe('&<>"\'\u00a0');
    expect(decodeEntities('&ndash;&mdash;&hellip;&euro;&trade;&lsquo;&rsquo;&ldquo;&rdquo;')).toBe(
      '–—…€™‘’“”',
    );
    expect(decodeEntities('Cr&egrave;me br&ucirc;l&eacute;e &copy; &times; &deg;')).toBe(
      'Crème brûlée © × °',
    );
    expect(decodeEntities('a &amp b &eacute c')).toBe('a & b é c');
    // Not without ";": names outside the legacy set.
    expect(decodeEntities('&hellip &euro')).toBe('&hellip &euro');
    // A URL's query stays as written: "&copy=" and "&ampx" are not references there.
    expect(decodeEntities('?a=1&copy=2&ampx=3&amp;b=4')).toBe('?a=1&copy=2&ampx=3&b=4');
  });

  it('keeps unknown or mis-cased names as written', () => {
    expect(decodeEntities('&AMP;&Amp;&unknown;&zz')).toBe('&&Amp;&unknown;&zz');
    expect(decodeEntities('no references')).toBe('no references');
  });
});
