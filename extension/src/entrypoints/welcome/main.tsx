import { mountWelcome } from '../../first-run/mount.tsx';

const root = document.getElementById('root');
if (root) mountWelcome(root);
