/** Shown in the About box and `torihiki info`; bump with package.json. */
export const appVersion = '0.1.0';
