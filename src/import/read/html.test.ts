import { describe, expect, it } from 'vitest';
import { htmlFragmentToText, htmlToLines } from './html.ts';

describe('htmlToLines', () => {
  it('turns a whole document into paragraphs, list lines and tab-separated table rows', () => {
    const html = `<!DOCTYPE html>
<html><head><title>Ignored</title><style>p { color: red }</style><script>document.write("<p>no</p>")</script></head>
<body>
  <h1>Cabinet Scrutiny Committee &ndash; Tracking sheet</h1>
  <p>17&nbsp;June 2011: the <b>follow-up</b>
     items &amp; responses.</p>
  <ul><li>First item</li><li><p>Second item</p><ul><li>nested</li></ul></li></ul>
  <table>
    <thead><tr><th>Item</th><th>Date of meeting</th><th>Status</th></tr></thead>
    <tbody>
      <tr><td><p>Highways Business Plan</p><p>Gulley Emptying</p></td><td>10/12/08</td><td>PENDING</td></tr>
      <tr><td>Budget</td><td></td><td><ul><li>TO NOTE</li><li>ONLY</li></ul></td></tr>
    </tbody>
  </table>
  <p>Line one<br>Line two</p>
</body></html>`;
    expect(htmlToLines(html)).toEqual([
      'Cabinet Scrutiny Committee – Tracking sheet',
      '',
      '17 June 2011: the follow-up items & responses.',
      '',
      '- First item',
      '- Second item',
      '  - nested',
      '',
      'Item\tDate of meeting\tStatus',
      'Highways Business Plan Gulley Emptying\t10/12/08\tPENDING',
      'Budget\t\tTO NOTE ONLY',
      '',
      'Line one',
      'Line two',
    ]);
  });

  it('keeps columns in place across colspan and rowspan', () => {
    const html = `<table>
      <tr><td colspan="4"><p>1.3 Outcome - Staff are kept informed</p></td></tr>
      <tr><td rowspan="2">1.3</td><td>1.3.1 Produce a strategy</td><td>27 Jan 2011</td><td>Jill Rawlins</td></tr>
      <tr><td></td><td>1 May 2011</td><td></td></tr>
    </table>`;
    expect(htmlToLines(html)).toEqual([
      '1.3 Outcome - Staff are kept informed\t\t\t',
      '1.3\t1.3.1 Produce a strategy\t27 Jan 2011\tJill Rawlins',
      '\t\t1 May 2011\t',
    ]);
  });

  it('reads an HTML fragment with a table', () => {
    const fragment = '<p>Follow-up items</p><table><tr><td>Item</td><td>Status</td></tr><tr><td>Budget &amp; Plan</td><td>OUTSTANDING</td></tr></table>';
    expect(htmlToLines(fragment)).toEqual(['Follow-up items', '', 'Item\tStatus', 'Budget & Plan\tOUTSTANDING']);
  });

  it('keeps the lines of a <pre>', () => {
    expect(htmlToLines('<p>a</p><pre>  x  1\n  y  <b>2</b>\n</pre>')).toEqual(['a', '', '  x  1', '  y  2']);
  });
});

describe('htmlFragmentToText', () => {
  it('flattens the HTML cells of a seed line and keeps its tabs', () => {
    const line =
      '<p>1.5.8 Develop participation plan</p> <p>IN 12.</p>\t<p>1 March 2011 - 31 May 2011</p>\t<p>Liz Totman</p>\t<ul style="list-style-type: none"> • Plan produced • Children&#39;s Council';
    expect(htmlFragmentToText(line)).toBe(
      "1.5.8 Develop participation plan IN 12.\t1 March 2011 - 31 May 2011\tLiz Totman\t• Plan produced • Children's Council",
    );
  });

  it('keeps empty trailing cells', () => {
    expect(htmlFragmentToText('<p>1.3 Outcome - Staff report</p>\t\t\t\t')).toBe('1.3 Outcome - Staff report\t\t\t\t');
  });

  it('leaves text that is not HTML as it is', () => {
    expect(htmlFragmentToText('1.1\t1.1.1 Across the council\tRob Semens')).toBe('1.1\t1.1.1 Across the council\tRob Semens');
    expect(htmlFragmentToText('accessed on <http://knet2/directorates/csip>.')).toBe('accessed on <http://knet2/directorates/csip>.');
    expect(htmlFragmentToText('if a < b and c > d')).toBe('if a < b and c > d');
  });

  it('keeps the number of lines', () => {
    expect(htmlFragmentToText('<p>a</p>\n<p>b</p>\n\nc')).toBe('a\nb\n\nc');
  });
});
