import { Form, InputNumber } from 'antd';

type NamePath = (string | number)[];

/** A numeric input bound to a nested policy path, without its own label or error line. */
export function NumberField({
  name,
  width = 110,
  prefix,
  suffix,
  step,
  integer = false,
  label,
}: {
  name: NamePath;
  width?: number;
  prefix?: string;
  suffix?: string;
  step?: number;
  integer?: boolean;
  label: string;
}) {
  return (
    <Form.Item name={name} noStyle>
      <InputNumber
        aria-label={label}
        style={{ width }}
        prefix={prefix}
        suffix={suffix}
        step={step}
        precision={integer ? 0 : undefined}
      />
    </Form.Item>
  );
}

/** A yuan amount kept as a decimal string (exact), with at most 2 decimals. */
export function MoneyField({ name, label, suffix }: { name: NamePath; label: string; suffix: string }) {
  return (
    <Form.Item name={name} noStyle>
      <InputNumber<string>
        aria-label={label}
        stringMode
        precision={2}
        min="0"
        style={{ width: 200 }}
        suffix={suffix}
      />
    </Form.Item>
  );
}
