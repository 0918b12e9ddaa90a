/**
 * Clipboard HTML as spreadsheets put it there, written by hand after what Excel 2016 (Windows,
 * CF_HTML as Chromium hands it to a page) and LibreOffice Calc 7 (Linux) write: Excel's `<style>`
 * classes (`.xl66 {mso-number-format:"\@";}`), `x:num` values beside texts shown in the copier's
 * locale, `colspan`/`rowspan` of merged cells, `&nbsp;`, character references; LibreOffice's
 * `sdval`/`sdnum` (LCID 1066: vi-VN, `@`: text). Each comes with the plain text the same copy puts
 * beside it (a merged cell's text in its first cell, the others empty).
 */

/** Excel 2016's document around a fragment of rows (`locale`: its displayed separators). */
function excelDoc(rows: string, decimal: ',' | '.'): string {
  const thousand = decimal === ',' ? '.' : ',';
  return `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link id=Main-File rel=Main-File
href="file:///C:/Users/ketoan/AppData/Local/Temp/msohtmlclip1/01/clip.htm">
<link rel=File-List
href="file:///C:/Users/ketoan/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<style>
<!--table
	{mso-displayed-decimal-separator:"\\${decimal}";
	mso-displayed-thousand-separator:"\\${thousand}";}
@page
	{margin:.75in .7in .75in .7in;
	mso-header-margin:.3in;
	mso-footer-margin:.3in;}
tr
	{mso-height-source:auto;}
col
	{mso-width-source:auto;}
br
	{mso-data-placement:same-cell;}
td
	{padding-top:1px;
	padding-right:1px;
	padding-left:1px;
	mso-ignore:padding;
	color:black;
	font-size:11.0pt;
	font-weight:400;
	font-style:normal;
	text-decoration:none;
	font-family:"Times New Roman", serif;
	mso-font-charset:163;
	mso-number-format:General;
	text-align:general;
	vertical-align:bottom;
	border:none;
	mso-background-source:auto;
	mso-pattern:auto;
	mso-protection:locked visible;
	white-space:nowrap;
	mso-rotate:0;}
.xl65
	{mso-number-format:"\\#\\,\\#\\#0";}
.xl66
	{mso-number-format:"\\@";
	text-align:left;}
.xl67
	{mso-number-format:"0\\.000";}
.xl68
	{text-align:center;
	vertical-align:middle;
	white-space:normal;}
-->
</style>
</head>

<body link="#0563C1" vlink="#954F72">

<table border=0 cellpadding=0 cellspacing=0 width=448 style='border-collapse:
 collapse;width:336pt'>
<!--StartFragment-->
 <col width=192 style='mso-width-source:userset;mso-width-alt:7021;width:144pt'>
 <col width=64 span=4 style='width:48pt'>
${rows}
<!--EndFragment-->
</table>

</body>

</html>
`;
}

/**
 * Excel 2016 in Vietnamese (vi-VN: `61.600` is sixty-one thousand six hundred, `1,25` one and a
 * quarter): two projects, name … 2011 SN. The unit "Sở GD&ĐT" is merged over both rows; the
 * coordinating unit's code `0123` is formatted as text; the second row's coordinating unit is a
 * lone space (`&nbsp;`); its 2011 SN is blank.
 */
export const EXCEL_VI = {
  html: excelDoc(
    ` <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl66 width=192 style='height:15.0pt;width:144pt'>Tr&#432;&#7901;ng
  THCS H&#7843;i L&#259;ng &amp; nh&#224; &#273;a n&#259;ng</td>
  <td rowspan=2 class=xl68 width=64 style='width:48pt'>S&#7903; GD&amp;&#272;T</td>
  <td class=xl66 width=64 style='width:48pt'>0123</td>
  <td class=xl65 align=right width=64 style='width:48pt' x:num="61600">61.600</td>
  <td align=right width=64 style='width:48pt' x:num="1.25">1,25</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 style='height:15.0pt'>Nhà văn hóa xã Hải Thượng</td>
  <td>&nbsp;</td>
  <td class=xl65 align=right x:num="2500">2.500</td>
  <td></td>
 </tr>`,
    ',',
  ),
  plain:
    'Trường THCS Hải Lăng & nhà đa năng\tSở GD&ĐT\t0123\t61.600\t1,25\r\n' +
    'Nhà văn hóa xã Hải Thượng\t\t \t2.500\t\r\n',
};

/**
 * Excel 2016 in English (en-US) with the format `0.000`: 61.6 shows `61.600` — which a Vietnamese
 * reading of the plain text takes for 61600 — and 1234.5 with `#,##0` shows `1,235`.
 */
export const EXCEL_EN = {
  html: excelDoc(
    ` <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl67 align=right style='height:15.0pt' x:num="61.6">61.600</td>
  <td class=xl65 align=right x:num="1234.5">1,235</td>
 </tr>`,
    '.',
  ),
  plain: '61.600\t1,235\r\n',
};

/** Excel 2016 (vi-VN): an amount copied from a column formatted as text, `mso-number-format` inline. */
export const EXCEL_TEXT_AMOUNT = {
  html: excelDoc(
    ` <tr height=20 style='height:15.0pt'>
  <td height=20 align=right style='height:15.0pt' x:num="4200">4.200</td>
  <td style='mso-number-format:"\\@"'>1.500</td>
 </tr>`,
    ',',
  ),
  plain: '4.200\t1.500\r\n',
};

/**
 * LibreOffice Calc 7.4 in Vietnamese (LCID 1066): a header merged over two columns and two rows,
 * then a row of name, a code kept as text (`sdnum="1066;0;@"`), 61600 shown `61.600`, 61.6 shown
 * `61,6`.
 */
export const CALC_VI = {
  html: `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">

<html>
<head>
	
	<meta http-equiv="content-type" content="text/html; charset=utf-8"/>
	<title></title>
	<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>
	<style type="text/css">
		body,div,table,thead,tbody,tfoot,tr,th,td,p { font-family:"Liberation Sans"; font-size:x-small }
		a.comment-indicator:hover + comment { background:#ffd; position:absolute; display:block; border:1px solid black; padding:0.5em;  } 
		a.comment-indicator { background:red; display:inline-block; border:1px solid black; width:0.5em; height:0.5em;  } 
		comment { display:none;  } 
	</style>
	
</head>

<body>
<table cellspacing="0" border="0">
	<colgroup width="180"></colgroup>
	<colgroup span="3" width="85"></colgroup>
	<tr>
		<td colspan=2 rowspan=2 height="34" align="center" valign=middle><b><font face="Times New Roman">Dự án &quot;Kè&quot; bờ sông</font></b></td>
		<td align="left" sdnum="1066;0;@">0123</td>
		<td align="right" sdval="61600" sdnum="1066;0;#.##0">61.600</td>
	</tr>
	<tr>
		<td align="left">&lt;ghi chú&gt;</td>
		<td align="right" sdval="61.6" sdnum="1066;">61,6</td>
	</tr>
</table>
<!-- ************************************************************************** -->
</body>

</html>
`,
  plain: 'Dự án "Kè" bờ sông\t\t0123\t61.600\n\t\t<ghi chú>\t61,6\n',
};
