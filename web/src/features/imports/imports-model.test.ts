import { describe, expect, it } from 'vitest';
import { columnWords, messageAfterField, selectionProblem, sourceText } from './imports-model.ts';

describe('import file selection', () => {
  it('accepts one JSON or Excel file, or CSV files only', () => {
    expect(selectionProblem([{ name: 'a.json', size: 10 }])).toBeNull();
    expect(selectionProblem([{ name: 'A.XLSX', size: 10 }])).toBeNull();
    expect(
      selectionProblem([
        { name: 'projects.csv', size: 10 },
        { name: 'indicators.csv', size: 10 },
      ]),
    ).toBeNull();
    expect(selectionProblem([])).toBe('empty');
    expect(
      selectionProblem([
        { name: 'a.json', size: 1 },
        { name: 'b.json', size: 1 },
      ]),
    ).toBe('mixed');
    expect(
      selectionProblem([
        { name: 'projects.csv', size: 1 },
        { name: 'b.xlsx', size: 1 },
      ]),
    ).toBe('mixed');
    expect(selectionProblem([{ name: 'a.txt', size: 1 }])).toBe('mixed');
    expect(selectionProblem([{ name: 'a.json', size: 51 * 1024 * 1024 }])).toBe('tooLarge');
  });

  it('shows a message without the field words of its own column', () => {
    expect(messageAfterField('第1个项目 计量单位：定量指标须填写计量单位', '第1个项目 计量单位')).toBe(
      '定量指标须填写计量单位',
    );
    expect(messageAfterField('project 1, unit: a unit is needed', 'project 1, unit')).toBe(
      'a unit is needed',
    );
    expect(messageAfterField('文件无法读取：x', '文件')).toBe('无法读取：x');
    expect(messageAfterField('other text', 'project 1')).toBe('other text');
  });

  it('names the source cell of an issue', () => {
    const row = (n: number) => `row ${n}`;
    expect(sourceText({ file: 'indicators.csv', row: 7, column: 'computesign' }, row)).toBe(
      'indicators.csv · row 7 · computesign',
    );
    expect(sourceText({ file: 'in.xlsx', sheet: '绩效指标', row: 3 }, row)).toBe(
      'in.xlsx · 绩效指标 · row 3',
    );
    expect(sourceText(null, row)).toBe('');
    expect(
      sourceText({ file: 'in.xlsx', sheet: '绩效指标', row: 6, column: 'weight' }, row, (c) =>
        columnWords(c, 'zh-CN'),
      ),
    ).toBe('in.xlsx · 绩效指标 · row 6 · 权重（weight）');
  });

  it('names a column in words with its field code', () => {
    expect(columnWords('computesign', 'zh-CN')).toBe('计算符号（computesign）');
    expect(columnWords('computesign', 'en-US')).toBe('sign (computesign)');
    expect(columnWords('weight', 'en-US')).toBe('weight');
    expect(columnWords('no_such_field', 'zh-CN')).toBe('no_such_field');
  });
});
