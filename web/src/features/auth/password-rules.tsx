import { useContext } from 'react';
import { Flex, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  checkPassword,
  DEFAULT_SECURITY_POLICY,
  type PasswordProblem,
  type TSecurityPolicy,
} from '../../../../domain/policy/security-policy.ts';
import { CurrentUserContext } from '../../app/current-user.tsx';
import { COLORS } from '../../app/theme.ts';

/** The rules in force (from /me), else the defaults. */
export function usePasswordPolicy(): TSecurityPolicy {
  const me = useContext(CurrentUserContext);
  return { ...DEFAULT_SECURITY_POLICY, ...me?.password_policy };
}

const RULES: PasswordProblem[] = ['TOO_SHORT', 'TOO_FEW_CLASSES', 'CONTAINS_USERNAME'];

/** The password rules with a live tick or cross each, from the same check the server runs. */
export function PasswordRules({
  password,
  username,
  policy: given,
}: {
  password: string;
  username: string;
  policy?: TSecurityPolicy;
}) {
  const { t } = useTranslation();
  const fromContext = usePasswordPolicy();
  const policy = given ?? fromContext;
  const problems = checkPassword(password, username, policy);
  return (
    <Flex vertical gap={2} style={{ margin: '-8px 0 16px' }}>
      {RULES.map((rule) => {
        const ok = password.length > 0 && !problems.includes(rule);
        return (
          <Typography.Text key={rule} style={{ fontSize: 12, color: ok ? COLORS.green : COLORS.grey }}>
            {ok ? (
              <CheckCircleFilled />
            ) : (
              <CloseCircleFilled style={{ color: password.length > 0 ? COLORS.red : COLORS.grey }} />
            )}{' '}
            {t(`password.rule.${rule}`, {
              min: policy.password_min_length,
              classes: policy.password_min_classes,
            })}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}

/** Form rule: the first problem of the password, translated. */
export function validatePassword(
  password: string,
  username: string,
  t: (key: string, opts?: Record<string, unknown>) => string,
  policy: TSecurityPolicy = DEFAULT_SECURITY_POLICY,
): string | null {
  const problem = checkPassword(password, username, policy)[0];
  if (problem === undefined) return null;
  return t(`password.problem.${problem}`, {
    min: policy.password_min_length,
    classes: policy.password_min_classes,
  });
}
