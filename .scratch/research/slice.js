// usage: node slice.js file pattern [before] [after] [maxhits]
const fs=require('fs');const [f,pat,b='300',a='300',m='5']=process.argv.slice(2);
const s=fs.readFileSync(f,'utf8');let i=-1,n=0;
while((i=s.indexOf(pat,i+1))>=0&&n<+m){console.log(`--- @${i}\n`+s.slice(Math.max(0,i-+b),i+pat.length+ +a));n++;}
