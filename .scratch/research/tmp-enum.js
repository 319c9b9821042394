const s=require("fs").readFileSync(process.argv[2],"utf8");
const i=s.indexOf("WS_CONF_HOLD_CHANGE_INDICATION:function(){return Pt}");
const st=s.lastIndexOf("n.d(t,{",i); const en=s.indexOf("}});",i);
const exp=s.slice(st+7,en); const map={};
for(const m of exp.matchAll(/([A-Za-z0-9_$]+):function\(\)\{return ([A-Za-z0-9_$]+)\}/g)) map[m[2]]=m[1];
const decl=s.slice(en+4, s.indexOf("}",en+4)); // var ... until next }
const src=decl.replace(/^var /,'').replace(/;$/,'');
const names=Object.keys(map);
const fn=new Function(`var ${src}; return {${names.map(n=>`${JSON.stringify(n)}: typeof ${n}==='undefined'?undefined:${n}`).join(',')}};`);
const v=fn(); const out={};
for(const [k,n] of Object.entries(map)) out[n]=v[k];
require('fs').writeFileSync('/tmp/research-helper/ws-enum.json',JSON.stringify(out,null,1));
console.log(Object.keys(out).length,'names');
